using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FeedbackBot.Core.Plans;

/// <summary>Collects the errors of one plan file, so reading carries on and the author sees every problem at once.</summary>
internal sealed class PlanErrors(string source)
{
    private readonly List<PlanError> _errors = [];

    public int Count => _errors.Count;

    public void Add(long line, long column, string field, string message) =>
        _errors.Add(new PlanError(source, Clamp(line), Clamp(column), field, message));

    public void Add(Mark at, string field, string message) => Add(at.Line, at.Column, field, message);

    public void Add(YamlNode node, string field, string message) => Add(node.Start, field, message);

    /// <summary>The errors sorted by position; the sort is stable, so errors at one node keep the order they were found in.</summary>
    public IReadOnlyList<PlanError> InFileOrder() => [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];

    private static int Clamp(long value) => (int)Math.Clamp(value, 1, int.MaxValue);
}
