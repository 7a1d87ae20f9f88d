using System.CommandLine;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Imports;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Infrastructure.Tenancy;

namespace FeedbackBot.Features.Scorecards;

/// <summary>
/// <c>feedbackbot qa report|calibration|sample</c>: the stored evaluations of a plan, and the interactions to evaluate next. They print named agents' and
/// evaluators' figures, which are confidential, so they exist only on the operator's command line and never in a channel.
/// </summary>
internal static class QaCommand
{
    private const string Confidential =
        " It prints named people's figures: for the operator's command line only; do not paste its output into a channel.";

    public static Command Create(CliContext context) =>
        new("qa", "Quality monitoring: reports on a plan's QA evaluations, and the interactions to evaluate next (see docs/imports.md)." + Confidential)
        {
            Report(context),
            CalibrationCommand(context),
            QaSampleCommand.Create(context, Confidential),
        };

    private static Command Report(CliContext context)
    {
        var options = new QaOptions("md");
        var command = new Command(
            "report",
            "The plan's evaluations in a period: average score, pass and critical-fail rates, each criterion's pass rate, " +
            "each agent's average and coverage against qa_target." + Confidential);
        options.AddTo(command);
        command.AllowOverrides().SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, options,
            (plan, scorecards, evaluations, now, format) =>
            {
                var report = QaReport.Build(scorecards, evaluations, plan.Current.QaTarget, now);
                return format switch
                {
                    "json" => QaJson.Serialize(report, indented: true) + "\n",
                    "md" => QaMarkdown.Report(plan.Key, Describe(parseResult, options), report),
                    _ => QaText.Report(plan.Key, Describe(parseResult, options), report),
                };
            }, cancellationToken));
        return command;
    }

    private static Command CalibrationCommand(CliContext context)
    {
        var options = new QaOptions();
        var scorecardOption = new Option<string?>("--scorecard")
        {
            Description = "The scorecard to compare evaluators on; may be left out when the plan has only one.",
        };
        var command = new Command(
            "calibration",
            "Whether evaluators agree: Krippendorff's alpha of the score and of each criterion on the interactions two or " +
            "more evaluators scored, and each evaluator's mean absolute deviation from the others." + Confidential)
        { scorecardOption };
        options.AddTo(command);
        command.AllowOverrides().SetAction((parseResult, cancellationToken) => RunAsync(parseResult, context, options,
            (plan, scorecards, evaluations, _, format) =>
            {
                var scorecard = Choose(plan.Key, scorecards, parseResult.GetValue(scorecardOption));
                var report = Calibration.Compute(scorecard, evaluations);
                return format == "json"
                    ? QaJson.Serialize(report, indented: true) + "\n"
                    : QaText.Calibration(plan.Key, Describe(parseResult, options), report);
            }, cancellationToken, calibrationOnlyToo: true));
        return command;
    }

    private static Scorecard Choose(string planKey, IReadOnlyList<Scorecard> scorecards, string? id)
    {
        var ids = string.Join(", ", scorecards.Select(s => s.Id));
        if (id is null)
        {
            // A calibration is of one scorecard: evaluators agreeing on one says nothing about another.
            return scorecards.Count == 1
                ? scorecards[0]
                : throw new UsageException($"Plan '{planKey}' has several scorecards; name one with --scorecard: {ids}.");
        }

        return scorecards.FirstOrDefault(s => s.Id == id)
            ?? throw new UsageException($"Plan '{planKey}' has no scorecard '{id}'; its scorecards are: {ids}.");
    }

    private static string Describe(ParseResult parseResult, QaOptions options) =>
        parseResult.GetValue(options.Period) is { } text ? CycleDates.Parse(text, "--period").ToString() : "all dates";

    private static async Task<int> RunAsync(
        ParseResult parseResult,
        CliContext context,
        QaOptions options,
        Func<ImportPlan, IReadOnlyList<Scorecard>, List<QaEvaluation>, DateTime, string, string> render,
        CancellationToken cancellationToken,
        bool calibrationOnlyToo = false)
    {
        var selector = TenantSelector.Parse(parseResult.GetValue(options.Tenant));
        var period = parseResult.GetValue(options.Period) is { } text ? CycleDates.Parse(text, "--period") : null;
        await using var services = CommandServices.Create(parseResult, context);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var plan = await ImportPlan.FindAsync(db, selector, parseResult.GetRequiredValue(options.Plan), cancellationToken);
        var scorecards = QaPlan.Scorecards(plan);
        var evaluations = await QaEvaluations.LoadAsync(db, plan, scorecards, period, calibrationOnlyToo, cancellationToken);
        await context.Out.WriteAsync(render(plan, scorecards, evaluations, now, parseResult.GetRequiredValue(options.Format)));
        return ExitCodes.Ok;
    }

    /// <summary>The options both commands take; <c>--format</c> offers text, json and the command's <paramref name="moreFormats"/>.</summary>
    private sealed class QaOptions(params string[] moreFormats)
    {
        public Option<string> Plan { get; } = new("--plan") { Description = "The plan's id.", Required = true };

        public Option<string?> Period { get; } = new("--period")
        {
            Description = "Only evaluations made in START..END (ISO dates, both days included, such as 2026-12-01..2026-12-31). Default: all.",
        };

        public Option<string> Format { get; } = CreateFormat(["text", "json", .. moreFormats]);

        public Option<string> Tenant { get; } = TenantSelector.CreateOption();

        public void AddTo(Command command)
        {
            command.Options.Add(Plan);
            command.Options.Add(Period);
            command.Options.Add(Format);
            command.Options.Add(Tenant);
        }

        private static Option<string> CreateFormat(string[] formats)
        {
            var format = new Option<string>("--format")
            {
                Description = formats.Length == 2 ? "text (default) or json." : $"text (default), {string.Join(", ", formats[1..^1])} or {formats[^1]}.",
                DefaultValueFactory = _ => "text",
            };
            format.AcceptOnlyFromAmong(formats);
            return format;
        }
    }
}
