namespace FeedbackBot.Core.Analysis.Text;

/// <summary>A word of a comment: where it is in the lower-cased text, and which clause and segment it belongs to.</summary>
/// <param name="Start">Index of its first character.</param>
/// <param name="Length">Its length.</param>
/// <param name="Clause">A sentence, or the part of one either side of "but", "although" and the like.</param>
/// <param name="Segment">A part of a clause between commas, brackets, dashes or "and".</param>
internal readonly record struct Token(int Start, int Length, int Clause, int Segment);
