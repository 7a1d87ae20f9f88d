using System.Text.Json.Nodes;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Channels.Slack.BlockKit;

/// <summary>
/// The answer to a <c>view_submission</c> that keeps the modal open with an error under each refused question:
/// <c>{"response_action":"errors","errors":{"&lt;block_id&gt;":"message"}}</c>. Survey inputs use the question id as
/// their block id, so the channel-neutral errors map across unchanged.
/// </summary>
public static class ViewErrors
{
    /// <summary>The errors response for errors by question id.</summary>
    public static JsonObject From(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byBlock = new JsonObject();
        foreach (var (questionId, message) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            byBlock[questionId] = message;
        }

        return new JsonObject
        {
            ["response_action"] = "errors",
            ["errors"] = byBlock,
        };
    }

    /// <summary>The errors response for a refused survey submission, as <see cref="SurveyForms.Check"/> returns it.</summary>
    /// <exception cref="ArgumentException">The submission was accepted: there is no error to show.</exception>
    public static JsonObject From(SurveyCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Retry is not { Errors.Count: > 0 } retry)
        {
            throw new ArgumentException("The submission was accepted; there are no errors to show.", nameof(check));
        }

        return From(retry.Errors);
    }
}
