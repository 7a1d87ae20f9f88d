namespace FeedbackBot.Channels.Slack;

/// <summary>
/// A modal as Slack sends it back: its id, the <see cref="CallbackId"/> and <see cref="PrivateMetadata"/> the bot set
/// when it opened it, and the inputs' current values by block id and then action id.
/// </summary>
public sealed record SlackView(
    string Id,
    string? CallbackId,
    string? PrivateMetadata,
    string? Hash,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackStateValue>> Values);

/// <summary>
/// The value of one input in a view's state: text inputs fill <see cref="Value"/>, selects and radio buttons
/// <see cref="SelectedOption"/> (the option's value), multi-selects and checkboxes <see cref="SelectedOptions"/>.
/// </summary>
public sealed record SlackStateValue(string? Type, string? Value, string? SelectedOption, IReadOnlyList<string> SelectedOptions);
