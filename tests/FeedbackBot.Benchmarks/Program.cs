using FeedbackBot.Benchmarks;

return args is ["fanout", .. var rest]
    ? await FanOutBenchmark.RunAsync(rest)
    : await ReviewAnalysisBenchmark.RunAsync(args);
