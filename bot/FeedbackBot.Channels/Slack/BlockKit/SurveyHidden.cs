using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// The survey's hidden fields (plan, cycle, card), carried as a small JSON object in the "Answer" button's value and
/// in the modal's private metadata, with the same names the Adaptive Card puts in its action data.
/// </summary>
internal static class SurveyHidden
{
    internal static readonly string[] Fields = [Verbs.PlanField, Verbs.CycleField, Verbs.CardField];

    private const string ChannelField = "_channel";
    private const string MessageField = "_ts";

    internal static string Write(SurveyPrompt prompt, SlackMessageOrigin? origin = null)
    {
        var hidden = new JsonObject
        {
            [Verbs.PlanField] = prompt.PlanId,
            [Verbs.CycleField] = prompt.CycleId,
            [Verbs.CardField] = prompt.CardId,
        };
        if (origin is not null)
        {
            hidden[ChannelField] = origin.ChannelId;
            hidden[MessageField] = origin.MessageTs;
        }

        return hidden.ToJsonString();
    }

    /// <summary>The message a modal was opened from, when its metadata names one.</summary>
    internal static SlackMessageOrigin? ReadOrigin(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > BlockKitLimits.PrivateMetadata)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty(ChannelField, out var channel) && channel.ValueKind == JsonValueKind.String && channel.GetString() is { Length: > 0 } channelId
                && root.TryGetProperty(MessageField, out var ts) && ts.ValueKind == JsonValueKind.String && ts.GetString() is { Length: > 0 } messageTs
                    ? new SlackMessageOrigin(channelId, messageTs)
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The hidden fields in <paramref name="json"/>, or null unless every one is there as non-empty text.</summary>
    internal static Dictionary<string, string>? Read(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > BlockKitLimits.PrivateMetadata)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in Fields)
            {
                if (!document.RootElement.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
                {
                    return null;
                }

                values[field] = text;
            }

            return values;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
