using System.Text.Json;

namespace FeedbackBot.Channels.Teams;

/// <summary>One page of a team's members (<c>pagedmembers</c>), and the token for the next page; null on the last.</summary>
public sealed record TeamsMemberPage(IReadOnlyList<TeamsChannelAccount> Members, string? ContinuationToken)
{
    /// <summary>Reads the Connector's answer; null when it is not an object with a <c>members</c> array.</summary>
    internal static TeamsMemberPage? Read(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var token = root.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String && next.GetString() is { Length: > 0 } text
                ? text
                : null;
            return new TeamsMemberPage([.. members.EnumerateArray().Select(TeamsChannelAccount.Read).OfType<TeamsChannelAccount>()], token);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
