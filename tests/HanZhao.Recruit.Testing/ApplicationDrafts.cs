namespace HanZhao.Recruit.Testing;

/// <summary>What an applicant fills in and uploads, shared by the form tests and the benchmark.</summary>
public static class ApplicationDrafts
{
    /// <summary>A small real PDF (header and trailer, spaces between) of the given size.</summary>
    public static byte[] Pdf(int size = 2048)
    {
        var head = "%PDF-1.4\n1 0 obj <<>> endobj\n"u8.ToArray();
        var tail = "\ntrailer <<>>\n%%EOF\n"u8.ToArray();
        var bytes = new byte[Math.Max(size, head.Length + tail.Length)];
        Array.Fill(bytes, (byte)' ');
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, bytes.Length - tail.Length);
        return bytes;
    }

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
