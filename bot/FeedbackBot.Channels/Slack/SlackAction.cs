namespace FeedbackBot.Channels.Slack;

/// <summary>
/// One element the person used in a <c>block_actions</c> interaction: a button (its <see cref="Value"/>), a select or
/// radio group (<see cref="SelectedOption"/>), or a multi-select or checkboxes (<see cref="SelectedOptions"/>).
/// </summary>
public sealed record SlackAction(
    string ActionId,
    string? BlockId,
    string? Type,
    string? Value,
    string? SelectedOption,
    IReadOnlyList<string> SelectedOptions,
    string? ActionTs);
