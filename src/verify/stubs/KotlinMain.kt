import java.io.File
import okhttp3.*

fun main() {
{sample}
println(response.body()!!.string())
}
