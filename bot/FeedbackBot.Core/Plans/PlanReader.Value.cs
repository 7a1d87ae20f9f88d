using System.Text.RegularExpressions;

namespace FeedbackBot.Core.Plans;

/// <summary>Reads the optional <c>value</c> section: what customers are worth, for the review's "What it is worth".</summary>
internal sealed partial class PlanReader
{
    private static readonly string[] ValueFields =
        ["currency", "customers_per_cycle", "revenue_per_customer", "cost_per_complaint", "cost_per_repeat_contact", "churn_rate"];

    private static readonly string[] ChurnFields = ["detractor", "passive", "promoter"];

    /// <summary>The section, or null when absent; <paramref name="valid"/> is false when it is there but wrong.</summary>
    private ValueModel? ReadValue(FieldMap plan, out bool valid)
    {
        valid = true;
        if (plan.Optional("value") is not { } node)
        {
            return null;
        }

        var before = _errors.Count;
        if (_values.Mapping(node, plan.PathOf("value")) is not { } mapping)
        {
            valid = false;
            return null;
        }

        var fields = new FieldMap(mapping, plan.PathOf("value"), _errors, ValueFields);
        var currencyNode = fields.Required("currency", "expected the ISO 4217 code of the amounts, such as GBP, EUR or USD");
        var currency = currencyNode is null ? null : _values.Text(currencyNode, fields.PathOf("currency"));
        if (currencyNode is not null && currency is not null && !CurrencyCode().IsMatch(currency))
        {
            _errors.Add(currencyNode, fields.PathOf("currency"), $"expected a three-letter ISO 4217 code in capitals, such as GBP, got {currency}");
            currency = null;
        }

        var customers = fields.Required("customers_per_cycle", "expected how many customers the service deals with in one cycle") is { } customersNode
            ? _values.Integer(customersNode, fields.PathOf("customers_per_cycle"), 1, int.MaxValue)
            : null;
        var revenue = Amount(fields, "revenue_per_customer");
        var complaint = Amount(fields, "cost_per_complaint");
        var repeat = Amount(fields, "cost_per_repeat_contact");
        ChurnRates? churn = null;
        if (fields.Optional("churn_rate") is { } churnNode && _values.Mapping(churnNode, fields.PathOf("churn_rate")) is { } churnMapping)
        {
            var rates = new FieldMap(churnMapping, fields.PathOf("churn_rate"), _errors, ChurnFields);
            var detractor = Rate(rates, "detractor");
            var passive = Rate(rates, "passive");
            var promoter = Rate(rates, "promoter");
            if (detractor is { } d && passive is { } p && promoter is { } m)
            {
                churn = new ChurnRates(d, p, m);
            }
        }

        if (_errors.Count > before || currency is null || customers is null)
        {
            valid = false;
            return null;
        }

        return new ValueModel(currency, customers.Value, revenue, complaint, repeat, churn);
    }

    private double? Amount(FieldMap fields, string key)
    {
        if (fields.Optional(key) is not { } node || _values.Number(node, fields.PathOf(key)) is not { } value)
        {
            return null;
        }

        if (value < 0)
        {
            _errors.Add(node, fields.PathOf(key), $"expected an amount of at least 0, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    // Churn is a share that leaves, as a fraction: 25% is written 0.25.
    private double? Rate(FieldMap rates, string key)
    {
        if (rates.Required(key, "expected the share of that group who leave, from 0 to 1, such as 0.25") is not { } node
            || _values.Number(node, rates.PathOf(key)) is not { } value)
        {
            return null;
        }

        if (value is < 0 or > 1)
        {
            _errors.Add(node, rates.PathOf(key), $"expected a share from 0 to 1 (25% is 0.25), got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
