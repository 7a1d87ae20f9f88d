namespace FeedbackBot.Core.Plans;

/// <summary>One thing wrong with a plan file, located so its author can find it.</summary>
/// <param name="Source">The file's name as the user gave it.</param>
/// <param name="Line">1-based line of the offending node.</param>
/// <param name="Column">1-based column of the offending node.</param>
/// <param name="Field">Path of the field, for example <c>questions[2].type</c>; empty for the document itself.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record PlanError(string Source, int Line, int Column, string Field, string Message)
{
    /// <summary>The error as one line: <c>file:line:column: field: message</c>.</summary>
    public override string ToString() =>
        Field.Length == 0 ? $"{Source}:{Line}:{Column}: {Message}" : $"{Source}:{Line}:{Column}: {Field}: {Message}";
}
