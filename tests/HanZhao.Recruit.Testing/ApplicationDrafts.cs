namespace HanZhao.Recruit.Testing;

/// <summary>What an applicant fills in and uploads, shared by the form tests and the benchmark.</summary>
public static class ApplicationDrafts
{
    /// <summary>A real one-page PDF (a reader opens it) of exactly the given size.</summary>
    public static byte[] Pdf(int size = 2048) => TestPdf.Plain(size);

    /// <summary>
    /// Valid fields for every step before the documents, in order; "choice" also needs ResearchInterestIds.
    /// The route is a PhD's (直博, through 推免); a Master's application takes <see cref="RouteFor"/>.
    /// </summary>
    public static readonly Dictionary<string, Dictionary<string, string>> ValidSteps = new()
    {
        ["route"] = new()
        {
            ["Route"] = "DirectPhd", ["RecommendationEligibility"] = "Confirmed", ["SummerCamps"] = "SJTU CS summer camp, July 2025",
            ["OfficialStepExpectedOn"] = "2025-09-25",
        },
        ["personal"] = new() { ["FullName"] = "Li Ming", ["ChineseName"] = "李明", ["Phone"] = "+86 138 0000 0000" },
        ["education"] = new()
        {
            ["Institution"] = "Huazhong University of Science and Technology", ["Degree"] = "Bachelor of Engineering",
            ["Major"] = "Computer Science", ["Gpa"] = "3.8", ["GpaScale"] = "4.0", ["RankPosition"] = "5", ["CohortSize"] = "180", ["ExpectedGraduation"] = "2026-06",
        },
        ["choice"] = new() { ["OtherInterests"] = "GPU scheduling" },
        ["experience"] = new() { ["ResearchExperience"] = "Worked on DNN serving.", ["Projects"] = "A scheduler.", ["Publications"] = "" },
        ["english"] = new() { ["EnglishTest"] = "Ielts", ["EnglishScore"] = "7.5" },
        ["statement"] = new() { ["Statement"] = "I want to build LLM inference systems that share GPUs well." },
    };

    /// <summary>The route step's fields for <paramref name="program"/>: 直博 for a PhD, 推免 for a Master; both ask the same questions and documents.</summary>
    public static IEnumerable<KeyValuePair<string, string>> RouteFor(string program) =>
        ValidSteps["route"].Select(f => f.Key == "Route" && program == "Master" ? new KeyValuePair<string, string>("Route", "Recommended") : f);

    /// <summary>What those routes require, as the documents step's kinds with a file name and a size each.</summary>
    public static readonly (string Kind, string FileName, int Size)[] RequiredDocuments =
        [("Cv", "cv.pdf", 4096), ("Transcript", "transcript.pdf", 8192), ("RankingCertificate", "ranking.pdf", 2048)];
}
