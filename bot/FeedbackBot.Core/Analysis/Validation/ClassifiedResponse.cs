namespace FeedbackBot.Core.Analysis.Validation;

/// <summary>A response with the class validation gave it.</summary>
/// <param name="Response">The response as collected.</param>
/// <param name="Class">Usable, or the first rule it failed.</param>
/// <param name="StraightLined">Whether it gave one identical answer to four or more scale questions (counted whether or not excluded).</param>
/// <param name="Answers">The checked answers of the response's audience's questions, by question id (answered ones only).</param>
public sealed record ClassifiedResponse(
    ResponseRecord Response,
    ResponseClass Class,
    bool StraightLined,
    IReadOnlyDictionary<string, AnswerCheck> Answers);
