using UmkmCredit.Benchmarks;

// dotnet run -c Release --project bench/UmkmCredit.Benchmarks -- engine|intake|intake-floor|import|pdf|workflow
return args.FirstOrDefault() switch
{
    "engine" => await EngineBenchmark.RunAsync(args[1..]),
    "intake" => await IntakeBenchmark.RunAsync(args[1..]),
    "intake-floor" => await IntakeFloorBenchmark.RunAsync(args[1..]),
    "import" => await ImportBenchmark.RunAsync(args[1..]),
    "pdf" => await PdfBenchmark.RunAsync(args[1..]),
    "workflow" => await WorkflowBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: UmkmCredit.Benchmarks engine|intake|intake-floor|import|pdf|workflow [options]  (workflow [applications=30] [concurrency=10] [Key=Value server setting ...])");
    return 2;
}
