namespace HanZhao.Recruit.Testing;

/// <summary>What an applicant fills in and uploads, shared by the form tests and the benchmark.</summary>
public static class ApplicationDrafts
{
    /// <summary>A real one-page PDF (a reader opens it) of exactly the given size.</summary>
    public static byte[] Pdf(int size = 2048) => TestPdf.Plain(size);

    /// <summary>Valid fields for every step before the documents, in order; "choice" also needs ResearchInterestIds.</summary>
    public static readonly Dictionary<string, Dictionary<string, string>> ValidSteps = new()
    {
        ["personal"] = new() { ["FullName"] = "Li Ming", ["ChineseName"] = "李明", ["Phone"] = "+86 138 0000 0000" },
        ["education"] = new()
        {
            ["Institution"] = "Huazhong University of Science and Technology", ["Degree"] = "Bachelor of Engineering",
            ["Major"] = "Computer Science", ["Gpa"] = "3.8", ["GpaScale"] = "4", ["Ranking"] = "5/180", ["ExpectedGraduation"] = "2026-06",
        },
        ["choice"] = new() { ["OtherInterests"] = "GPU scheduling" },
        ["experience"] = new() { ["ResearchExperience"] = "Worked on DNN serving.", ["Projects"] = "A scheduler.", ["Publications"] = "" },
        ["english"] = new() { ["EnglishTest"] = "IELTS", ["EnglishScore"] = "7.5" },
        ["statement"] = new() { ["Statement"] = "I want to build LLM inference systems that share GPUs well." },
    };
}
