namespace FeedbackBot.Core.Analysis.Text;

/// <summary>What a lexicon phrase does.</summary>
internal enum LexiconRole
{
    /// <summary>Carries sentiment of its own.</summary>
    Sentiment,

    /// <summary>Reverses the sentiment word that follows.</summary>
    Negator,

    /// <summary>Strengthens or weakens the sentiment word that follows.</summary>
    Modifier,

    /// <summary>Means nothing either way; it is listed so that its words are not read on their own.</summary>
    Neutral,
}

/// <summary>A phrase of the sentiment lexicon.</summary>
/// <param name="Role">What it does.</param>
/// <param name="Value">Sentiment: its score. Negator: its score when it negates nothing. Modifier: the factor.</param>
/// <param name="Modal">For a negator: whether a comparative after it praises ("couldn't be better").</param>
internal sealed record LexiconEntry(LexiconRole Role, double Value, bool Modal = false);
