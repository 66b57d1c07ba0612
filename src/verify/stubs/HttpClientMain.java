// snipgen verify: the java:httpclient fragment as the body of a program's main, below the
// imports a reader's program would have; `throws Exception` for whatever the fragment throws.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

public class Main {
public static void main(String[] args) throws Exception {
{sample}
}
}
