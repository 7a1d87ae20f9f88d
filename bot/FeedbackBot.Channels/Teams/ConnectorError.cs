using System.Text;
using System.Text.Json;

namespace FeedbackBot.Channels.Teams;

/// <summary>
/// What a Connector error body says. Its shape varies: <c>{"error":{"code","message"}}</c> from the Bot Framework,
/// and from Teams' messaging service <c>{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",...}"}</c>,
/// a JSON object inside a string.
/// </summary>
internal sealed record ConnectorError(string? Code, string? SubCode, string? Message)
{
    private const string MessageWritesBlocked = "MessageWritesBlocked";

    // Teams documents errorCode 209 as MessageWritesBlocked.
    private const int MessageWritesBlockedErrorCode = 209;

    // The 403 codes after which sending again cannot succeed until the person or an admin acts.
    private static readonly HashSet<string> UnreachableCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        MessageWritesBlocked,
        "ConversationBlockedByUser",
        "BotNotInConversationRoster",
        "BotDisabledByAdmin",
        "ForbiddenOperationException",
    };

    public string? UnreachableReason =>
        new[] { SubCode, Code }.FirstOrDefault(c => c is not null && UnreachableCodes.Contains(c));

    public string Describe() => string.Join(": ", new[] { SubCode ?? Code, Message }.Where(p => !string.IsNullOrWhiteSpace(p)));

    public static ConnectorError Read(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        string? code = null, subCode = null, message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : root;
                code = GetString(error, "code");
                subCode = GetString(error, "subCode") ?? GetString(root, "subCode");
                message = GetString(error, "message") ?? GetString(root, "message");
                if (root.TryGetProperty("errorCode", out var number) && number.ValueKind == JsonValueKind.Number
                    && number.TryGetInt32(out var errorCode))
                {
                    code ??= errorCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    subCode ??= errorCode == MessageWritesBlockedErrorCode ? MessageWritesBlocked : null;
                }

                if (message is not null && TryReadInner(message) is { } inner)
                {
                    subCode = inner.SubCode ?? subCode;
                    message = inner.Details ?? message;
                }
            }
        }
        catch (JsonException)
        {
            message = text.Length > 300 ? text[..300] : text;
        }

        // Whatever the nesting, the word itself is the signal that matters most: never retry a blocked thread.
        if (subCode is null && text.Contains(MessageWritesBlocked, StringComparison.OrdinalIgnoreCase))
        {
            subCode = MessageWritesBlocked;
        }

        return new ConnectorError(code, subCode, message);
    }

    private static (string? SubCode, string? Details)? TryReadInner(string message)
    {
        if (!message.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var inner = JsonDocument.Parse(message);
            return inner.RootElement.ValueKind == JsonValueKind.Object
                ? (GetString(inner.RootElement, "subCode"), GetString(inner.RootElement, "details"))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
