namespace FeedbackBot.Core.Reviews;

/// <summary>The built-in advice for the usual service features, comment themes and metrics of customer service.</summary>
public static class DefaultRecommendations
{
    private const string ServiceManager = "service delivery manager";
    private const string TeamLeader = "team leader";
    private const string OperationsManager = "operations manager";
    private const string ExperienceLead = "customer experience lead";

    /// <summary>Every built-in rule.</summary>
    public static IReadOnlyList<RecommendationRule> All { get; } =
    [
        new("responsiveness", "Cut the time customers wait for a response",
            "Match staffing to demand by hour and weekday, publish response times customers can rely on, offer a callback instead of a queue, and track first-response time daily against the standard.",
            ServiceManager, 30),
        new("reliability", "Do what we tell customers we will do",
            "Record every commitment made to a customer with an owner and a due date, review overdue commitments daily, and fix the process steps where commitments are most often missed.",
            OperationsManager, 30),
        new("empathy", "Help staff listen to and acknowledge each customer's situation",
            "Coach staff to acknowledge the customer's situation before solving, review recorded interactions against the empathy items of the QA scorecard, and share good examples in team meetings.",
            TeamLeader, 45),
        new("resolution", "Resolve more issues at the first contact",
            "Find the main reasons issues need a second contact, give front-line staff the knowledge and authority to resolve them, and measure first-contact resolution weekly.",
            ServiceManager, 45, Metric: "fcr"),
        new("csat", "Raise customers' satisfaction with the service",
            "Read the comments of customers who gave 1 to 3, group their reasons, and fix the two most common with the teams concerned; tell customers what changed.",
            ExperienceLead, 45, Metric: "csat"),
        new("ces", "Make it easier for customers to get their issue handled",
            "Map the steps a customer takes to get an issue handled, remove the ones that add effort without value (repeated questions, transfers, forms), and measure the effort again.",
            OperationsManager, 45, Metric: "ces"),
        new("communication", "Keep customers informed while their issue is open",
            "Agree when the customer will next hear from us at the first contact, send updates at those times even when there is no news, and use plain-language templates.",
            TeamLeader, 30),
        new("nps", "Find and remove what stops customers recommending us",
            "Call back a sample of detractors within a week to learn their reasons, and add the most common reasons to the improvement plan with owners.",
            ExperienceLead, 60, Metric: "nps"),
        new("enps", "Find out what would make staff recommend the team as a place to work",
            "Hold short listening sessions with each team on what gets in the way of serving customers well, act on one or two things quickly, and tell staff what changed because of what they said.",
            "people manager", 60, Metric: "nps"),
        new("response_rate", "Raise the response rate so results can be trusted",
            "Shorten the survey, send it closer to the interaction, remind once, and tell customers and staff what changed because of their feedback.",
            ExperienceLead, 30, Metric: "response_rate"),
        new("operational", "Bring {metric} back within its standard",
            "Look at the days and segments where {metric} was furthest from the standard, find the causes with the teams concerned, and agree corrective actions with dates.",
            OperationsManager, 30),
        new("staff_vs_customer", "Align the team's view of {feature} with what customers experience",
            "Share the customer results on {feature} with the team, review together real cases customers rated low, and agree one change in how the team works.",
            TeamLeader, 45),
        new("waiting_time", "Cut the waiting customers complain about",
            "Study when and where customers wait longest (queues, callbacks, hand-offs), add capacity or self-service at those points, and tell customers how long they will wait.",
            ServiceManager, 30),
        new("attitude_empathy", "Address the attitude customers describe",
            "Review the interactions behind these comments with the staff involved, coach on tone and acknowledgement, and recognise the positive examples.",
            TeamLeader, 45),
        new("knowledge", "Close the knowledge gaps customers notice",
            "Update the knowledge articles on the topics customers raise, run short refreshers on them, and give staff a quick route to an expert.",
            "training lead", 45),
        new("resolution_theme", "Resolve the issues customers say stay unresolved",
            "Trace the comments and complaints about unresolved issues to their cases, find where they stalled, and remove the blockers.",
            ServiceManager, 45),
        new("communication_theme", "Improve how we keep customers informed",
            "Check the updates customers received on the cases behind these comments, set update points, and make the wording plainer.",
            TeamLeader, 30),
        new("process_policy", "Simplify the processes and policies customers find hard",
            "List the rules and steps customers mention, decide with their owners which can be simplified or explained better, and change the first three.",
            OperationsManager, 60),
        new("product", "Pass the product problems customers raise to the product owners",
            "Group the product issues customers mention, send them to the product owners with counts and examples, and report back what will change.",
            "product manager", 60),
        new("price", "Explain prices and charges clearly",
            "Review how prices and charges are explained before and after purchase, and give staff clear answers to the most common questions about them.",
            "commercial manager", 60),
        new("access_channel", "Make it easier to reach us on the channels customers use",
            "Check opening hours, channel availability and hand-offs between channels against when and how customers try to reach us, and fix the worst gaps.",
            ServiceManager, 45),
    ];
}
