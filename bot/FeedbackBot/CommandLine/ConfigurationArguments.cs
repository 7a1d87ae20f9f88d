using System.CommandLine;
using FeedbackBot.Core.Text;

namespace FeedbackBot.CommandLine;

/// <summary>
/// Every command accepts configuration overrides in ASP.NET Core's form (<c>--Database:Provider=Postgres</c> or
/// <c>--Database:Provider Postgres</c>). Anything else left over after parsing is a mistake, reported as one.
/// </summary>
internal static class ConfigurationArguments
{
    public static IReadOnlyList<string> From(ParseResult parseResult)
    {
        var tokens = parseResult.UnmatchedTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                // A mistyped command ("reveiw") reaches here as a leftover word: offer the command it is closest to.
                var near = Suggestion.Closest(token, parseResult.CommandResult.Command.Subcommands.Select(c => c.Name));
                throw new UsageException(near is null
                    ? $"unrecognised argument '{token}'; see 'feedbackbot --help'."
                    : $"unrecognised argument '{token}'; did you mean '{near}'? See 'feedbackbot --help'.");
            }

            if (!token.Contains('=', StringComparison.Ordinal))
            {
                if (i + 1 >= tokens.Count || tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"'{token}' needs a value ({token}=VALUE); see 'feedbackbot --help'.");
                }

                i++;
            }
        }

        return tokens;
    }

    public static T AllowOverrides<T>(this T command)
        where T : Command
    {
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }
}
