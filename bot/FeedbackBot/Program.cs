using FeedbackBot.CommandLine;

return await FeedbackBotCli.RunAsync(args, CliContext.Console);
