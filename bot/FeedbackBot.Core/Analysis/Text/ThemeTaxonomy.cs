using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Analysis.Text;

/// <summary>The themes comments are coded with: the customer-service defaults, plus whatever a plan adds.</summary>
public sealed class ThemeTaxonomy
{
    private TextModel? _model;

    private ThemeTaxonomy(IReadOnlyList<Theme> themes) => Themes = themes;

    /// <summary>
    /// The customer-service default: waiting_time, attitude_empathy, knowledge, resolution, communication,
    /// process_policy, product, price and access_channel.
    /// </summary>
    public static ThemeTaxonomy Default { get; } = new(DefaultThemes.All);

    /// <summary>The themes, defaults first, then plan themes in plan order.</summary>
    public IReadOnlyList<Theme> Themes { get; }

    /// <summary>
    /// The default themes plus a plan's. A plan theme never duplicates a built-in one: one with a built-in id takes
    /// over its label, its feature when it names one, and adds its keywords to the built-in keywords; one that
    /// overlaps a built-in theme (the same label, or at least half of its keywords already code that theme) adds its
    /// keywords to it and gives its feature only where the built-in theme has none, keeping the built-in id and label
    /// so that cycles compare. Any other plan theme is added after the defaults.
    /// </summary>
    public static ThemeTaxonomy WithPlanThemes(IEnumerable<ThemeDefinition> planThemes)
    {
        ArgumentNullException.ThrowIfNull(planThemes);
        var themes = DefaultThemes.All.ToList();
        foreach (var definition in planThemes)
        {
            ArgumentNullException.ThrowIfNull(definition);
            var index = themes.FindIndex(t => string.Equals(t.Id, definition.Id, StringComparison.Ordinal));
            if (index >= 0)
            {
                var existing = themes[index];
                themes[index] = existing with
                {
                    Label = definition.Label,
                    Feature = definition.Feature ?? existing.Feature,
                    Keywords = Distinct(existing.Keywords, definition.Keywords),
                };
            }
            else if (OverlappedBy(definition) is { } builtIn)
            {
                index = themes.FindIndex(t => string.Equals(t.Id, builtIn, StringComparison.Ordinal));
                var existing = themes[index];
                themes[index] = existing with
                {
                    Feature = existing.Feature ?? definition.Feature,
                    Keywords = Distinct(existing.Keywords, definition.Keywords),
                };
            }
            else
            {
                themes.Add(new Theme(definition.Id, definition.Label, definition.Feature, Distinct([], definition.Keywords)));
            }
        }

        return new ThemeTaxonomy(themes);
    }

    /// <summary>
    /// The id of the built-in theme a plan theme overlaps, if any: one with the same label (ignoring case and a
    /// final s), else the one most of its keywords already code (at least half of them), as the built-in coder reads
    /// each keyword; on a tie, the first in taxonomy order.
    /// </summary>
    public static string? OverlappedBy(ThemeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var label = Singular(definition.Label);
        if (DefaultThemes.All.FirstOrDefault(t => string.Equals(Singular(t.Label), label, StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            return named.Id;
        }

        var keywords = definition.Keywords.Where(k => k.Trim().Length > 0).ToArray();
        var votes = new int[DefaultThemes.All.Length];
        foreach (var keyword in keywords)
        {
            foreach (var mention in OverlapReader.Read(keyword).Themes)
            {
                votes[mention.ThemeIndex]++;
            }
        }

        var best = -1;
        for (var t = 0; t < votes.Length; t++)
        {
            if (votes[t] > 0 && (best < 0 || votes[t] > votes[best]))
            {
                best = t;
            }
        }

        return best >= 0 && 2 * votes[best] >= keywords.Length ? DefaultThemes.All[best].Id : null;
    }

    /// <summary>The keywords and lexicon compiled for matching, built once per taxonomy and shared by its coders.</summary>
    internal TextModel Model => LazyInitializer.EnsureInitialized(ref _model, () => new TextModel(this));

    /// <summary>Whether both taxonomies code comments the same way: the same ids and keywords in the same order.</summary>
    internal bool CodesLike(ThemeTaxonomy other) =>
        ReferenceEquals(this, other) ||
        (Themes.Count == other.Themes.Count &&
         Themes.Zip(other.Themes).All(p => p.First.Id == p.Second.Id && p.First.Keywords.SequenceEqual(p.Second.Keywords)));

    // Reads a keyword as the built-in coder reads a comment; qualified words need a judgement, which a keyword has not.
    private static CommentReader OverlapReader => LazyInitializer.EnsureInitialized(ref _overlapReader, () => new CommentReader(Default.Model));

    private static CommentReader? _overlapReader;

    private static string Singular(string label)
    {
        var trimmed = label.Trim();
        return trimmed.EndsWith('s') && trimmed.Length > 1 ? trimmed[..^1] : trimmed;
    }

    private static string[] Distinct(IEnumerable<string> first, IEnumerable<string> second) =>
        [.. first.Concat(second).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
}
