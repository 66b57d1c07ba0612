import java.io.*;
import okhttp3.*;

public class Main {
public static void main(String[] args) throws Exception {
{sample}
System.out.println(response.body().string());
}
}
