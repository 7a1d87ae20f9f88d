using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// A button asking the bot for a form: its action id is the form's open verb and its value the form's hidden fields,
/// as a pulse's Answer button carries them, so the click opens the form in a modal.
/// </summary>
internal static class FormButtons
{
    internal static JsonObject Button(FormButton button)
    {
        var hidden = new JsonObject();
        foreach (var (key, value) in button.Hidden)
        {
            hidden[key] = value;
        }

        return BlockElements.Button(button.OpenVerb, button.Title, hidden.ToJsonString());
    }
}
