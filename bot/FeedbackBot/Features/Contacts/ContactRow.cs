namespace FeedbackBot.Features.Contacts;

/// <summary>
/// One good row of a contacts file. A value is null where the row left it empty; whether the file has the column at
/// all is the reader's <see cref="ContactColumns"/>, because a column the file lacks leaves the stored value alone
/// while an empty cell clears it.
/// </summary>
internal sealed record ContactRow(
    string Key,
    string? Email,
    string? InteractionId,
    string? Agent,
    string? Channel,
    DateTime? LastContactAt,
    IReadOnlyDictionary<string, string?> Segments);

/// <summary>Which of the optional columns a contacts file has, and its segment attributes (lower case).</summary>
internal sealed record ContactColumns(bool Email, bool InteractionId, bool Agent, bool Channel, bool LastContactAt, IReadOnlyList<string> Segments);
