using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Features.Contacts;

namespace FeedbackBot.Features.HelpdeskTriggers;

/// <summary>A closed interaction as a helpdesk reports it to <c>POST /api/interactions</c>.</summary>
/// <param name="InteractionId">The interaction's id in the helpdesk (a ticket or call id); what makes a redelivery a no-op.</param>
/// <param name="CustomerId">The customer's id in the helpdesk.</param>
/// <param name="CustomerEmail">Where the survey is sent; without it the interaction is recorded and nobody is asked.</param>
/// <param name="Agent">Who handled it, as the helpdesk names them.</param>
/// <param name="Channel">phone, email, chat, face_to_face, social or other.</param>
/// <param name="ClosedAt">When it was closed; the survey goes out the plan's delay after this.</param>
/// <param name="Plan">The plan to ask for; needed only when several plans take helpdesk triggers.</param>
/// <param name="Tenant">The tenant (<c>teams:ID</c>, <c>slack:ID</c>, <c>local</c>); needed only when the bot serves several.</param>
internal sealed partial record ClosedInteraction(
    string InteractionId,
    string CustomerId,
    string? CustomerEmail,
    string? Agent,
    string? Channel,
    DateTime ClosedAt,
    string? Plan,
    string? Tenant)
{
    public static readonly IReadOnlyList<string> Channels = InteractionChannels.Names;

    private static readonly string[] Fields = ["interaction_id", "customer", "agent", "channel", "closed_at", "plan", "tenant"];
    private static readonly string[] CustomerFields = ["id", "email"];

    /// <summary>Reads a request body; on a fault, the field at fault (dotted, as in the docs) and what is wrong with it.</summary>
    public static (ClosedInteraction? Value, string? Field, string? Error) Read(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            return (null, null, $"the body is not JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "the body must be a JSON object");
            }

            if (Unknown(root, Fields, "") is { } unknown)
            {
                return (null, unknown, "unknown field; expected " + string.Join(", ", Fields));
            }

            if (Text(root, "interaction_id", required: true, 200) is { Error: { } idError })
            {
                return (null, "interaction_id", idError);
            }

            if (!root.TryGetProperty("customer", out var customer) || customer.ValueKind != JsonValueKind.Object)
            {
                return (null, "customer", "required: an object with the customer's id and e-mail address");
            }

            if (Unknown(customer, CustomerFields, "customer.") is { } unknownCustomer)
            {
                return (null, unknownCustomer, "unknown field; expected id, email");
            }

            if (Text(customer, "id", required: true, 200) is { Error: { } customerError })
            {
                return (null, "customer.id", customerError);
            }

            var email = Text(customer, "email", required: false, 320);
            if (email.Error is not null || (email.Value is not null && !ContactEmails.LooksLikeEmail(email.Value)))
            {
                return (null, "customer.email", email.Error ?? "not an e-mail address");
            }

            var agent = Text(root, "agent", required: false, 200);
            if (agent.Error is not null)
            {
                return (null, "agent", agent.Error);
            }

            var channel = Text(root, "channel", required: false, 50);
            if (channel.Error is not null || (channel.Value is not null && !Channels.Contains(channel.Value)))
            {
                return (null, "channel", channel.Error ?? "expected one of " + string.Join(", ", Channels));
            }

            var closed = Text(root, "closed_at", required: true, 40);
            if (closed.Error is not null)
            {
                return (null, "closed_at", closed.Error);
            }

            // An offset is required: a time without one would be read in whichever zone the bot happens to run in.
            if (!IsoInstant().IsMatch(closed.Value!)
                || !DateTimeOffset.TryParse(closed.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var closedAt))
            {
                return (null, "closed_at", "expected an ISO 8601 date and time with Z or an offset, such as 2026-12-04T15:30:00Z");
            }

            var plan = Text(root, "plan", required: false, 100);
            var tenant = Text(root, "tenant", required: false, 200);
            if (plan.Error is not null || tenant.Error is not null)
            {
                return (null, plan.Error is not null ? "plan" : "tenant", plan.Error ?? tenant.Error);
            }

            return (new ClosedInteraction(
                root.GetProperty("interaction_id").GetString()!.Trim(),
                customer.GetProperty("id").GetString()!.Trim(),
                email.Value,
                agent.Value,
                channel.Value,
                closedAt.UtcDateTime,
                plan.Value,
                tenant.Value), null, null);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();

    private static string? Unknown(JsonElement element, IReadOnlyList<string> allowed, string prefix) =>
        element.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !allowed.Contains(n)) is { } name ? prefix + name : null;

    private static (string? Value, string? Error) Text(JsonElement element, string name, bool required, int maxLength)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, required ? "required" : null);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return (null, "must be a string");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return (null, required ? "required, and must not be blank" : null);
        }

        return text.Length > maxLength ? (null, $"at most {maxLength} characters") : (text, null);
    }
}
