namespace FeedbackBot.Core.Analysis.Validation;

/// <summary>The names of response classes as they appear in reviews (the JSON contract).</summary>
public static class ResponseClassNames
{
    /// <summary>The snake_case name of a class, for example <c>out_of_range</c>.</summary>
    public static string Of(ResponseClass value) => value switch
    {
        ResponseClass.Usable => "usable",
        ResponseClass.OutsideWindow => "outside_window",
        ResponseClass.OutOfRange => "out_of_range",
        ResponseClass.Incomplete => "incomplete",
        ResponseClass.Speeder => "speeder",
        ResponseClass.Duplicate => "duplicate",
        ResponseClass.StraightLined => "straight_lined",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}
