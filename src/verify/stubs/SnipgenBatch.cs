// snipgen verify: runs a batch of C# samples (each `SN.Program`) in one mono process, one
// after the other; `snipgen-batch-ok N` after sample N returned. A sample without that line
// is run again alone, so its failure is reported as it would be without batching.
using System;

public static class SnipgenBatch
{
    static void Run(string n, Action sample)
    {
        try
        {
            sample();
            Console.WriteLine();
            Console.WriteLine("snipgen-batch-ok " + n);
        }
        catch (Exception e)
        {
            Console.WriteLine();
            Console.WriteLine("snipgen-batch-failed " + n + ": " + e.Message);
        }
        Console.Out.Flush();
    }

    public static void Main()
    {
{each}
        Environment.Exit(0);
    }
}
