using FeedbackBot.Core.Text;

namespace FeedbackBot.Core.Conversations;

/// <summary>
/// "Did you mean": the commands a message was probably meant to be, when a word of it is mistyped (<c>reveiw</c>,
/// <c>stauts staff-pulse</c>). The message's first words are compared with each command's words by
/// <see cref="Suggestion.Distance"/>; what follows them (a plan's id) is kept as written, and every command as
/// near as the nearest is offered (<c>reveiw</c> could be <c>review</c> or <c>latest review</c>).
/// </summary>
internal static class CommandSuggestions
{
    // Each command as written, with the longer form a short alias stands for (shown beside it).
    private static readonly (string Words, string? LongForm)[] Commands =
    [
        ("help", null),
        ("latest review", null),
        ("review", "latest review"),
        ("start pulse", null),
        ("pulse", "start pulse"),
        ("log feedback", null),
        ("plans", null),
        ("status", null),
        ("pause", null),
        ("resume", null),
        ("run", null),
        ("role", null),
        ("my pulses", null),
        ("pending", null),
        ("qa score", null),
        ("qa show", null),
        ("my evaluations", null),
        ("actions", null),
    ];

    /// <summary>The nearest commands to a lower-case message, each written out with the rest of the message; empty when none is near.</summary>
    public static IReadOnlyList<string> Closest(string lower)
    {
        var words = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var scored = new List<(int Distance, string Suggestion, string? LongForm)>();
        foreach (var (command, longForm) in Commands)
        {
            var count = command.Count(c => c == ' ') + 1;
            if (words.Length < count)
            {
                continue;
            }

            var typed = string.Join(' ', words.Take(count));
            var distance = Suggestion.Distance(typed, command);
            if (distance > 0 && distance <= Allowed(command))
            {
                var rest = string.Join(' ', words.Skip(count));
                scored.Add((distance, Join(command, rest), longForm is null ? null : Join(longForm, rest)));
            }
        }

        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Min(s => s.Distance);
        return [.. scored.Where(s => s.Distance == best)
            .SelectMany(s => s.LongForm is null ? [s.Suggestion] : new[] { s.Suggestion, s.LongForm })
            .Distinct(StringComparer.Ordinal)];
    }

    // Short words tolerate one slip; longer ones two, so "rn" is not taken for "run" and "reveiw" is for "review".
    private static int Allowed(string command) => command.Length <= 4 ? 1 : 2;

    private static string Join(string command, string rest) => rest.Length == 0 ? command : $"{command} {rest}";
}
