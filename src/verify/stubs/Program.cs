using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

public static class Program {
static async Task Run() {
{sample}
}
public static void Main() { Run().GetAwaiter().GetResult(); }
}
