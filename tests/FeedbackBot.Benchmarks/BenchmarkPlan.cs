namespace FeedbackBot.Benchmarks;

/// <summary>The ten-question plan the review benchmark analyses: every question type that is tallied, and a comment.</summary>
internal static class BenchmarkPlan
{
    public const string Yaml = """
        id: benchmark
        name: Benchmark
        audiences: [customer]
        features: [responsiveness, reliability, empathy, resolution, communication]
        methods: [web_link]
        questions:
          - {id: satisfaction, text: Satisfaction, type: rating5, feature: resolution, required: true}
          - {id: recommend, text: Recommend, type: nps}
          - {id: effort, text: Effort, type: effort7, feature: resolution}
          - {id: first_contact, text: First contact, type: yesno, feature: resolution}
          - {id: speed, text: Speed, type: rating5, feature: responsiveness}
          - {id: promises, text: Promises, type: rating5, feature: reliability}
          - {id: understood, text: Understood, type: rating5, feature: empathy}
          - {id: informed, text: Informed, type: rating5, feature: communication}
          - {id: channel, text: Channel, type: choice, options: [Phone, Email, Web chat]}
          - {id: comment, text: Comment, type: text}
        kpis:
          - {id: csat, metric: csat, question: satisfaction, target: 85}
          - {id: nps, metric: nps, question: recommend, target: 30}
          - {id: ces, metric: ces, question: effort, target: 2.5, direction: lower}
          - {id: fcr, metric: fcr, question: first_contact, target: 75}
          - {id: speed, metric: mean, question: speed, target: 4}
        cycle_days: 7
        sample: {method: everyone}
        population: {north: 400000, midlands: 250000, south: 350000}
        minimum_group_size: 5
        """;

    public static readonly string[] Comments =
    [
        "I waited on hold for forty minutes before anyone answered.",
        "The agent was friendly and sorted it out quickly, thank you.",
        "Nobody called me back even though they promised to.",
        "Very knowledgeable staff who understood the problem straight away.",
        "I was charged twice and the refund took three weeks.",
        "The website chat kept disconnecting.",
        "Great service, resolved on the first call.",
        "I had to explain my issue three times to different people.",
        "The policy on returns is confusing and unfair.",
        "Kept me informed at every step, much appreciated.",
        "Rude on the phone and did not listen.",
        "The product stopped working after a week.",
    ];
}
