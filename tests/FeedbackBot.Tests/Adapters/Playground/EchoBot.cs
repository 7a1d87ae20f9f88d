using System.Text.Json;
using FeedbackBot.Channels.BotFramework;
using FeedbackBot.Channels.Playground;

namespace FeedbackBot.Tests.Adapters.Playground;

/// <summary>
/// The test stand-in for the conversation features: greets a new conversation, echoes text as "NAME said: TEXT",
/// answers "card" with a survey card and turns a submitted card into a thank-you, and on "ping USERID" sends to that
/// user's conversations.
/// </summary>
internal sealed class EchoBot : IPlaygroundBot
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    public async Task OnActivityAsync(PlaygroundTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var name = turn.Identity.Name;
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            await turn.SendAsync(new Activity { Text = $"Hello {name}, say something." }, cancellationToken);
            return;
        }

        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        if (activity.Value is { ValueKind: JsonValueKind.Object } submitted)
        {
            var comment = submitted.TryGetProperty("comment", out var text) ? text.GetString() : null;
            var thanks = Card($$"""
                {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","wrap":true,
                 "text":{{JsonSerializer.Serialize($"Thanks {name}, you wrote: {comment}")}}}]}
                """);
            if (activity.ReplyToId is not { } cardId || !await turn.UpdateAsync(cardId, thanks, cancellationToken))
            {
                await turn.SendAsync(thanks, cancellationToken);
            }

            return;
        }

        var said = activity.Text?.Trim() ?? "";
        if (said == "card")
        {
            await turn.SendAsync(Card("""
                {"type":"AdaptiveCard","version":"1.5","body":[
                  {"type":"TextBlock","text":"How was your shift?","weight":"bolder"},
                  {"type":"Input.Text","id":"comment","label":"Comment","isRequired":true,"errorMessage":"Say something"}],
                 "actions":[{"type":"Action.Execute","verb":"answer","title":"Send answer","data":{"question":"shift"},
                   "fallback":{"type":"Action.Submit","title":"Send answer","data":{"question":"shift","verb":"answer"}}}]}
                """), cancellationToken);
            return;
        }

        if (said.StartsWith("ping ", StringComparison.Ordinal))
        {
            var deliveries = await turn.SendToUserAsync(said["ping ".Length..], new Activity { Text = $"{name} pinged you" }, cancellationToken);
            await turn.SendAsync(new Activity { Text = $"Pinged {deliveries.Count} conversation(s)" }, cancellationToken);
            return;
        }

        await turn.SendAsync(new Activity { Text = $"{name} said: {said}" }, cancellationToken);
    }

    private static Activity Card(string json) => new()
    {
        Attachments = [new Attachment { ContentType = CardContentType, Content = JsonDocument.Parse(json).RootElement.Clone() }],
    };
}
