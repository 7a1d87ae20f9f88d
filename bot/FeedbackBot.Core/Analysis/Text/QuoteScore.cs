namespace FeedbackBot.Core.Analysis.Text;

/// <summary>How well a comment would represent a theme: readable length first, then how clearly polar it is.</summary>
internal static class QuoteScore
{
    private const int ReadableMin = 40;
    private const int ReadableMax = 240;
    private const int TolerableMin = 20;
    private const int TolerableMax = 400;
    private const int MaxStrengthSteps = 16;

    /// <param name="length">The comment's length in characters.</param>
    /// <param name="strength">How clearly polar the theme's mention is.</param>
    /// <param name="themes">How many themes the comment mentions: a comment about one theme shows it best.</param>
    public static int Of(int length, double strength, int themes)
    {
        var band = length is >= ReadableMin and <= ReadableMax ? 2 : length is >= TolerableMin and <= TolerableMax ? 1 : 0;

        // Quarter points, so that nearly equal strengths tie and the text decides.
        var steps = Math.Min((int)Math.Round(strength * 4, MidpointRounding.AwayFromZero), MaxStrengthSteps);
        return (band * 1000) + (steps * 10) + (themes == 1 ? 5 : 0);
    }
}
