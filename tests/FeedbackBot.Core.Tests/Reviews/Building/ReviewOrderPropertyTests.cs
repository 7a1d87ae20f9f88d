using System.Text.Json;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews.Building;
using FsCheck;
using FsCheck.Fluent;
using static FeedbackBot.Core.Tests.Reviews.ReviewFixtures;

namespace FeedbackBot.Core.Tests.Reviews.Building;

public sealed class ReviewOrderPropertyTests
{
    private static readonly string[] Comments =
    [
        "I waited on hold for forty minutes.",
        "Friendly and helpful, sorted quickly.",
        "Nobody called me back as promised.",
        "The agent knew exactly what to do.",
        "Charged twice and still waiting for the refund.",
    ];

    [Fact]
    public void Build_AnyOrderOfRespondentsAndResponses_GivesTheSameReview()
    {
        var plan = Plan();
        var random = new Random(7);
        var responses = Enumerable.Range(0, 60).Select(i => new ResponseRecord(
            $"r{i % 50:D3}",
            Current.Start.AddHours(random.Next(24 * 8) - 12),
            Audience.Customer,
            i % 3 == 0 ? "north" : i % 3 == 1 ? "south" : "islands",
            random.Next(5, 200),
            new Dictionary<string, string>
            {
                ["sat"] = random.Next(0, 7).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["rec"] = random.Next(0, 11).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ease"] = random.Next(1, 8).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["fcr"] = random.Next(2) == 0 ? "yes" : "no",
                ["comment"] = Comments[random.Next(Comments.Length)],
            })).ToList();
        var expected = JsonSerializer.Serialize(ReviewBuilder.Build(Input(plan, Tally(plan, Current, responses))));

        Prop.ForAll(
            Gen.Shuffle(responses.ToArray()).ToArbitrary(),
            shuffled => JsonSerializer.Serialize(ReviewBuilder.Build(Input(plan, Tally(plan, Current, shuffled)))) == expected)
            .QuickCheckThrowOnFailure();
    }
}
