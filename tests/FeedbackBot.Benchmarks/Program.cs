using FeedbackBot.Benchmarks;

return args switch
{
    ["fanout", .. var rest] => await FanOutBenchmark.RunAsync(rest),
    ["ingest", .. var rest] => await IngestBenchmark.RunAsync(rest),
    _ => await ReviewAnalysisBenchmark.RunAsync(args),
};
