using System.CommandLine;
using System.Data.Common;
using FeedbackBot.Adapters.TeamsApp;
using FeedbackBot.Features.Actions;
using FeedbackBot.Features.Audit;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Features.CustomerSurveys;
using FeedbackBot.Features.History;
using FeedbackBot.Features.Imports;
using FeedbackBot.Features.People;
using FeedbackBot.Features.Plans;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Features.Scheduling;
using FeedbackBot.Features.Scorecards;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace FeedbackBot.CommandLine;

/// <summary>The <c>feedbackbot</c> command line: serve (the default), migrate, plans.</summary>
public static class FeedbackBotCli
{
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = CreateRootCommand(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await context.Error.WriteLineAsync($"feedbackbot: {error.Message}");
            }

            return ExitCodes.BadInput;
        }

        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,

                // The web host handles Ctrl+C and SIGTERM itself, with a graceful shutdown.
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception e) when (Unwrap(e) is UsageException usage)
        {
            foreach (var line in usage.Lines)
            {
                await context.Error.WriteLineAsync(line);
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Unwrap(e) is OptionsValidationException invalid)
        {
            foreach (var failure in invalid.Failures)
            {
                await context.Error.WriteLineAsync($"feedbackbot: configuration: {failure}");
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Unwrap(e) is DbException database)
        {
            await context.Error.WriteLineAsync($"feedbackbot: database: {database.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (Unwrap(e) is OperationCanceledException)
        {
            await context.Error.WriteLineAsync("feedbackbot: cancelled.");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            await context.Error.WriteLineAsync($"feedbackbot: {Unwrap(e).GetType().Name}: {Unwrap(e).Message}");
            return ExitCodes.Failure;
        }
    }

    internal static RootCommand CreateRootCommand(CliContext context)
    {
        var urls = ServeCommand.UrlsOption();
        var root = new RootCommand(
            "FeedbackBot: review and improve the quality of a customer service from Teams and Slack. " +
            "With no command, runs the bot (as 'serve').")
        {
            urls,
            ServeCommand.Create(context),
            MigrateCommand.Create(context),
            PlansCommand.Create(context),
            ImportCommand.Create(context),
            LinksCommand.Create(context),
            ContactsCommand.Create(context),
            PeopleCommand.Create(context),
            ReviewCommand.Create(context),
            HistoryCommand.Create(context),
            QaCommand.Create(context),
            ActionsCommand.Create(context),
            TeamsCommand.Create(context),
            JobsCommand.Create(context),
            AuditCommand.Create(context),
        };
        root.AllowOverrides().SetAction((parseResult, cancellationToken) => ServeCommand.RunAsync(parseResult, urls, context, cancellationToken));
        return root;
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            e = aggregate.InnerExceptions[0];
        }

        return e is DbException or OptionsValidationException || e.InnerException is null
            ? e
            : e.InnerException is DbException or OptionsValidationException ? e.InnerException : e;
    }
}
