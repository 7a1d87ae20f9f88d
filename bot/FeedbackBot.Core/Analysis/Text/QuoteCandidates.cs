namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// The best few quotes seen so far, by score and then by text. Keeping the top few of a total order, with one
/// entry per text at its best score, gives the same set whatever order quotes arrive in and however sets are merged.
/// </summary>
internal sealed class QuoteCandidates(int capacity)
{
    private readonly List<(int Score, string Text)> _best = new(capacity + 1);

    public IReadOnlyList<(int Score, string Text)> Best => _best;

    /// <summary>Whether a quote of this score could enter; lets the caller skip preparing the text.</summary>
    public bool Admits(int score) => capacity > 0 && (_best.Count < capacity || score >= _best[^1].Score);

    public void Offer(int score, string text)
    {
        if (!Admits(score))
        {
            return;
        }

        var existing = _best.FindIndex(c => c.Text == text);
        if (existing >= 0)
        {
            if (_best[existing].Score >= score)
            {
                return;
            }

            _best.RemoveAt(existing);
        }

        var at = 0;
        while (at < _best.Count && Compare(_best[at], (score, text)) < 0)
        {
            at++;
        }

        _best.Insert(at, (score, text));
        if (_best.Count > capacity)
        {
            _best.RemoveAt(_best.Count - 1);
        }
    }

    public void Merge(QuoteCandidates other)
    {
        foreach (var (score, text) in other._best)
        {
            Offer(score, text);
        }
    }

    // Higher score first, then ordinal text order.
    private static int Compare((int Score, string Text) a, (int Score, string Text) b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Text, b.Text);
}
