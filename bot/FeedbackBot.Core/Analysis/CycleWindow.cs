namespace FeedbackBot.Core.Analysis;

/// <summary>The span of a review cycle, UTC, start inclusive and end exclusive.</summary>
/// <param name="Start">The first instant inside the cycle.</param>
/// <param name="End">The first instant after the cycle.</param>
public sealed record CycleWindow(DateTime Start, DateTime End)
{
    /// <summary>Whether an instant falls inside the cycle.</summary>
    public bool Contains(DateTime instant) => instant >= Start && instant < End;
}
