namespace HanZhao.Recruit.EndToEnd;

/// <summary>The app on a real Kestrel port on 127.0.0.1, with its own fresh SQLite database.</summary>
public sealed class KestrelApp : RecruitAppFactory
{
    public KestrelApp() => WithKestrel();
}
