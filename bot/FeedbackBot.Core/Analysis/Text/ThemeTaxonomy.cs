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
    /// The default themes plus a plan's. A plan theme whose id is a default one takes over its label, its feature
    /// when it names one, and adds its keywords to the default keywords; any other plan theme is added after the
    /// defaults.
    /// </summary>
    public static ThemeTaxonomy WithPlanThemes(IEnumerable<ThemeDefinition> planThemes)
    {
        ArgumentNullException.ThrowIfNull(planThemes);
        var themes = DefaultThemes.All.ToList();
        foreach (var definition in planThemes)
        {
            ArgumentNullException.ThrowIfNull(definition);
            var index = themes.FindIndex(t => string.Equals(t.Id, definition.Id, StringComparison.Ordinal));
            if (index < 0)
            {
                themes.Add(new Theme(definition.Id, definition.Label, definition.Feature, Distinct([], definition.Keywords)));
            }
            else
            {
                var existing = themes[index];
                themes[index] = new Theme(
                    existing.Id,
                    definition.Label,
                    definition.Feature ?? existing.Feature,
                    Distinct(existing.Keywords, definition.Keywords));
            }
        }

        return new ThemeTaxonomy(themes);
    }

    /// <summary>The keywords and lexicon compiled for matching, built once per taxonomy and shared by its coders.</summary>
    internal TextModel Model => LazyInitializer.EnsureInitialized(ref _model, () => new TextModel(this));

    /// <summary>Whether both taxonomies code comments the same way: the same ids and keywords in the same order.</summary>
    internal bool CodesLike(ThemeTaxonomy other) =>
        ReferenceEquals(this, other) ||
        (Themes.Count == other.Themes.Count &&
         Themes.Zip(other.Themes).All(p => p.First.Id == p.Second.Id && p.First.Keywords.SequenceEqual(p.Second.Keywords)));

    private static string[] Distinct(IEnumerable<string> first, IEnumerable<string> second) =>
        [.. first.Concat(second).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
}
