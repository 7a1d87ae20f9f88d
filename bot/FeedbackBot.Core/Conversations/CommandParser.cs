using System.Text.RegularExpressions;
using FeedbackBot.Core.People;

namespace FeedbackBot.Core.Conversations;

/// <summary>Reads a chat message as one of the bot's commands. Case and extra spaces do not matter.</summary>
public static partial class CommandParser
{
    /// <summary>The command in a message whose bot mention has already been removed.</summary>
    public static BotCommand Parse(string? text)
    {
        var message = Spaces().Replace(text ?? string.Empty, " ").Trim().TrimStart('/');
        var lower = message.ToLowerInvariant();
        if (lower is "" or "help" or "?" or "hi" or "hello")
        {
            return new BotCommand.Help();
        }

        if (lower is "latest review" or "review" or "latest")
        {
            return new BotCommand.LatestReview(null);
        }

        if (StartsWith(lower, "latest review ") || StartsWith(lower, "review "))
        {
            return new BotCommand.LatestReview(PlanId(message[(message.LastIndexOf("review", StringComparison.OrdinalIgnoreCase) + 6)..]));
        }

        if (StartsWith(lower, "start pulse") || StartsWith(lower, "pulse"))
        {
            var rest = message[(lower.IndexOf("pulse", StringComparison.Ordinal) + 5)..].Trim();
            return rest.Length == 0
                ? Usage(message, "start pulse PLAN", "start pulse staff-pulse")
                : new BotCommand.StartPulse(PlanId(rest));
        }

        if (StartsWith(lower, "log feedback") || StartsWith(lower, "log "))
        {
            var rest = message[(StartsWith(lower, "log feedback") ? 12 : 4)..].Trim();
            return rest.Length == 0
                ? Usage(message, "log feedback TEXT", "log feedback The new opening hours suit me much better")
                : new BotCommand.LogFeedback(rest);
        }

        if (lower is "plans" or "list plans")
        {
            return new BotCommand.ListPlans();
        }

        if (PlanArgument(message, lower, "status") is { } status)
        {
            return status.Length == 0 ? Usage(message, "status PLAN", "status staff-pulse") : new BotCommand.PlanStatus(PlanId(status));
        }

        if (PlanArgument(message, lower, "pause") is { } pause)
        {
            return pause.Length == 0 ? Usage(message, "pause PLAN", "pause staff-pulse") : new BotCommand.PausePlan(PlanId(pause));
        }

        if (PlanArgument(message, lower, "resume") is { } resume)
        {
            return resume.Length == 0 ? Usage(message, "resume PLAN", "resume staff-pulse") : new BotCommand.ResumePlan(PlanId(resume));
        }

        if (StartsWith(lower, "run"))
        {
            var match = RunArguments().Match(message);
            return match.Success ? new BotCommand.RunPlanNow(PlanId(match.Groups["plan"].Value)) : Usage(message, "run PLAN now", "run staff-pulse now");
        }

        if (StartsWith(lower, "role"))
        {
            var match = RoleArguments().Match(message);
            return match.Success
                ? new BotCommand.SetRole(match.Groups["person"].Value.Trim(), match.Groups["role"].Value.Equals("manager", StringComparison.OrdinalIgnoreCase) ? PersonRole.Manager : PersonRole.Staff)
                : Usage(message, "role @person manager|staff", "role @Morgan manager");
        }

        if (lower is "my pulses" or "my pulse" or "pending" or "pulses" or "my surveys")
        {
            return new BotCommand.MyPulses();
        }

        if (lower is "my evaluations" or "my evaluation" or "qa mine")
        {
            return new BotCommand.MyEvaluations();
        }

        if (lower is "actions" or "my actions" or "action" or "improvement actions")
        {
            return new BotCommand.MyActions();
        }

        if (StartsWith(lower, "qa"))
        {
            return Qa(message);
        }

        return new BotCommand.Unknown(message, null, null, CommandSuggestions.Closest(lower));
    }

    private static BotCommand Qa(string message)
    {
        if (QaScoreArguments().Match(message) is { Success: true } score)
        {
            return new BotCommand.ScoreInteraction(
                score.Groups["person"].Value,
                score.Groups["scorecard"].Success ? PlanId(score.Groups["scorecard"].Value) : null,
                score.Groups["plan"].Success ? PlanId(score.Groups["plan"].Value) : null);
        }

        if (QaShowArguments().Match(message) is { Success: true } show)
        {
            return new BotCommand.ShowEvaluations(show.Groups["person"].Value);
        }

        return message.ToLowerInvariant().Split(' ') switch
        {
            [_, "show", ..] => Usage(message, "qa show @person", "qa show @Sam"),
            _ => Usage(message, "qa score @person [SCORECARD]", "qa score @Sam phone-call"),
        };
    }

    private static BotCommand.Unknown Usage(string message, string usage, string example) => new(message, usage, example);

    private static bool StartsWith(string lower, string prefix) =>
        lower.StartsWith(prefix, StringComparison.Ordinal) && (lower.Length == prefix.Length || prefix.EndsWith(' ') || lower[prefix.Length] == ' ');

    private static string PlanId(string text) => text.Trim().ToLowerInvariant();

    // "status staff-pulse" gives "staff-pulse"; a bare "status" gives an empty plan; anything else is not this command.
    private static string? PlanArgument(string message, string lower, string verb) =>
        StartsWith(lower, verb) ? message[verb.Length..].Trim() : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^run\s+(?<plan>\S+)\s+now$", RegexOptions.IgnoreCase)]
    private static partial Regex RunArguments();

    // A person is a Teams mention (which may hold spaces), a Slack mention, or one word (@Name, an id or an e-mail).
    private const string Person = @"(?<person><at>.+?</at>|<@[^>]+>|\S+)";

    [GeneratedRegex(@"^qa\s+score\s+" + Person + @"(?:\s+(?<scorecard>[A-Za-z0-9_-]+))?(?:\s+(?<plan>[A-Za-z0-9_-]+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex QaScoreArguments();

    [GeneratedRegex(@"^qa\s+show\s+" + Person + "$", RegexOptions.IgnoreCase)]
    private static partial Regex QaShowArguments();

    [GeneratedRegex(@"^role\s+(?<person>.+?)\s+(?<role>manager|staff)$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleArguments();
}
