namespace FeedbackBot.Core.Analysis.Text;

/// <summary>The numbers polarity is judged by.</summary>
internal static class PolarityRules
{
    /// <summary>A score at least this far from zero is polar; anything nearer is neutral.</summary>
    public const double Threshold = 0.3;

    public const double StrongScore = 2;
    public const double ModerateScore = 1;

    /// <summary>Mild words are criticism only in a service comment (a wait): negated, they still clear the threshold as praise.</summary>
    public const double MildScore = 0.5;

    /// <summary>Negation reverses and softens: "not bad" is less than "good".</summary>
    public const double NegationFactor = -0.75;

    /// <summary>"Couldn't have been more helpful" is stronger than "helpful".</summary>
    public const double ModalComparativeFactor = 1.5;

    public const double IntensifierFactor = 1.5;
    public const double DiminisherFactor = 0.5;

    /// <summary>A negator reaches a sentiment word at most this many words on ("didn't have to wait").</summary>
    public const int NegationReach = 3;

    public const double EmphaticDanglingScore = -1;
    public const double DanglingScore = -0.5;

    /// <summary>For the comment as a whole, the clause before "but" weighs less and the clause after it more.</summary>
    public const double BeforeContrastWeight = 0.5;

    public const double AfterContrastWeight = 1.5;

    /// <summary>The polarity of a score.</summary>
    public static Polarity Of(double score) =>
        score >= Threshold ? Polarity.Positive : score <= -Threshold ? Polarity.Negative : Polarity.Neutral;
}
