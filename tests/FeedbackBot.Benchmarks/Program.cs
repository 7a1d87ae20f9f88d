using FeedbackBot.Benchmarks;

return await ReviewAnalysisBenchmark.RunAsync(args);
