using FeedbackBot.Core.People;

namespace FeedbackBot.Core.Conversations;

/// <summary>
/// What the bot says back, in the same shape for every channel: each channel renders it its own way (Adaptive
/// Cards in Teams and the playground, Block Kit in Slack).
/// </summary>
public abstract record BotReply;

/// <summary>Plain text; a few words may be <c>**bold**</c>.</summary>
/// <param name="Text">The message.</param>
public sealed record TextReply(string Text) : BotReply;

/// <summary>What the bot can do for someone with this role.</summary>
/// <param name="Role">Their role.</param>
/// <param name="Commands">The commands open to them, in the order to show.</param>
public sealed record HelpReply(PersonRole Role, IReadOnlyList<HelpCommand> Commands) : BotReply;

/// <summary>
/// One command in a help message. Arguments are written in capitals (<c>status PLAN</c>), never in angle brackets:
/// Teams and Web Chat read <c>&lt;plan&gt;</c> as an HTML tag and drop it.
/// </summary>
/// <param name="Usage">How to write it, with its arguments in capitals.</param>
/// <param name="Description">What it does.</param>
/// <param name="Example">The command written out with real values, when it takes arguments.</param>
public sealed record HelpCommand(string Usage, string Description, string? Example = null);

/// <summary>Customer feedback logged by a member of staff, and the question of which feature it concerns.</summary>
/// <param name="CardId">The card's id, echoed on submission.</param>
/// <param name="Text">What the customer said.</param>
/// <param name="Features">The service features to choose from.</param>
/// <param name="Error">Why the last submission was refused, if it was.</param>
public sealed record FeedbackPrompt(string CardId, string Text, IReadOnlyList<string> Features, string? Error) : BotReply;

/// <summary>Feedback stored.</summary>
/// <param name="Text">What the customer said.</param>
/// <param name="Feature">The feature it concerns.</param>
/// <param name="Kind">praise or complaint.</param>
public sealed record FeedbackThanks(string Text, string Feature, string Kind) : BotReply;
