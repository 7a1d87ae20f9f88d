using System.Text.Json;

namespace FeedbackBot.Channels.Teams;

/// <summary>How a card's answer arrived.</summary>
public enum CardSubmissionKind
{
    /// <summary><c>Action.Execute</c>: an <c>adaptiveCard/action</c> invoke, answered in the HTTP response.</summary>
    Execute,

    /// <summary><c>Action.Submit</c>: a message whose <c>value</c> holds the data; the card is updated with PUT.</summary>
    Submit,
}

/// <summary>
/// A card's answer: the verb (for <c>Action.Submit</c>, the data's <c>verb</c> property, by our convention), the data
/// merged with the inputs by id, and the id of the message holding the card.
/// </summary>
public sealed record CardSubmission(CardSubmissionKind Kind, string? Verb, JsonElement Data, string? CardActivityId);
