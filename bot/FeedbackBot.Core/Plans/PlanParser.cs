namespace FeedbackBot.Core.Plans;

/// <summary>Reads measurement plans from the YAML files managers write.</summary>
public static class PlanParser
{
    /// <summary>
    /// Reads one plan file. Every error in the file is reported, each with its line, column and field, so an
    /// author can fix them all in one pass; a file with any error yields no plan.
    /// </summary>
    /// <param name="source">The file's name as the user gave it; it prefixes every error.</param>
    /// <param name="yaml">The file's text.</param>
    /// <param name="options">What the parser needs to know about the world, such as which time zones exist.</param>
    /// <returns>The plan, or the errors in file order.</returns>
    public static PlanParseResult Parse(string source, string yaml, PlanParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(options);

        var errors = new PlanErrors(source);
        var root = PlanDocumentLoader.Load(yaml, errors);
        var plan = root is null ? null : new PlanReader(errors, options).Read(root);
        return new PlanParseResult(errors.Count == 0 ? plan : null, errors.InFileOrder());
    }
}
