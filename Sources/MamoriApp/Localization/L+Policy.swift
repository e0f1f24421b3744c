import MamoriCore

/// Texts of the information security basic policy (deliverable ①).
extension L {
    enum Policy {
        static let nav = LocalizedText(ja: "基本方針・規程", en: "Policy & rules")
        static let title = LocalizedText(ja: "情報セキュリティ基本方針", en: "Information security basic policy")
        static let lead = LocalizedText(ja: "基本方針は、会社として情報をどう守るかを経営者が示す短い文書です。下書きを作り、経営者・責任者が承認し、公開すると SECURITY ACTION 二つ星の条件を満たします。", en: "The basic policy is a short document in which the owner states how the company protects information. Write a draft, have the owner approve it and publish it: that meets the SECURITY ACTION two-star condition.")
        static let startFromTemplate = LocalizedText(ja: "ひな形から下書きを作る", en: "Start a draft from the template")
        static let templateLanguage = LocalizedText(ja: "文書の言語", en: "Language of the document")
        static let templateHint = LocalizedText(ja: "ひな形には会社名・代表者名・日付が入ります。すべての節を書き換え、追加・削除・並べ替えができます。", en: "The template is filled with your company's name, the owner's name and today's date. Every section can be rewritten, added, removed and reordered.")
        static let editAsNewDraft = LocalizedText(ja: "この版をもとに新しい下書きを作る", en: "Start a new draft from this version")
        static let openDraft = LocalizedText(ja: "作成中の下書きを開く", en: "Open the draft in progress")
        static let versionsTitle = LocalizedText(ja: "版の一覧", en: "Versions")
        static let noVersions = LocalizedText(ja: "まだ下書きはありません。ひな形から始めましょう。", en: "No draft yet. Start from the template.")
        static let version = LocalizedText(ja: "版", en: "Version")
        static func versionNumber(_ number: Int) -> LocalizedText { LocalizedText(ja: "第\(number)版", en: "Version \(number)") }
        static let status = LocalizedText(ja: "状態", en: "Status")
        static let createdBy = LocalizedText(ja: "作成者", en: "Created by")
        static let createdAt = LocalizedText(ja: "作成日時", en: "Created")
        static let approvedAt = LocalizedText(ja: "承認", en: "Approved")
        static let publishedAt = LocalizedText(ja: "公開", en: "Published")
        static func statusName(_ status: PolicyStatus) -> LocalizedText {
            switch status {
            case .draft: LocalizedText(ja: "下書き", en: "Draft")
            case .approved: LocalizedText(ja: "承認済み", en: "Approved")
            case .published: LocalizedText(ja: "公開中", en: "Published")
            case .superseded: LocalizedText(ja: "旧版（公開終了）", en: "Superseded")
            case .discarded: LocalizedText(ja: "破棄", en: "Discarded")
            }
        }
        static let publishedNow = LocalizedText(ja: "公開中の基本方針", en: "Published basic policy")
        static let publicAddress = LocalizedText(ja: "公開アドレス", en: "Public address")
        static let notPublishedYet = LocalizedText(ja: "まだ公開されていません。", en: "Not published yet.")
        static func stageExplanation(_ stage: PolicyStage) -> LocalizedText {
            switch stage {
            case .none: LocalizedText(ja: "次の一歩：ひな形から下書きを作りましょう。", en: "Next step: start a draft from the template.")
            case .draft: LocalizedText(ja: "次の一歩：下書きを仕上げ、経営者・責任者が承認します。", en: "Next step: finish the draft and have the owner approve it.")
            case .approved: LocalizedText(ja: "次の一歩：承認済みの版を公開します（公開アドレスを決めます）。", en: "Next step: publish the approved version (choose its public address).")
            case .published: LocalizedText(ja: "基本方針は公開されています。SECURITY ACTION 二つ星の方針の条件を満たしています。", en: "The basic policy is published. It meets the policy condition of SECURITY ACTION two stars.")
            }
        }
        static let progressTitle = LocalizedText(ja: "公開までの流れ", en: "Steps to publication")
        static let editTitle = LocalizedText(ja: "下書きを編集", en: "Edit the draft")
        static let heading = LocalizedText(ja: "見出し", en: "Heading")
        static let body = LocalizedText(ja: "本文", en: "Text")
        static func sectionLabel(_ number: Int) -> LocalizedText { LocalizedText(ja: "第\(number)節", en: "Section \(number)") }
        static let moveUp = LocalizedText(ja: "上へ", en: "Move up")
        static let moveDown = LocalizedText(ja: "下へ", en: "Move down")
        static let remove = LocalizedText(ja: "この節を削除", en: "Remove this section")
        static let addSection = LocalizedText(ja: "節を追加", en: "Add a section")
        static let newSectionHint = LocalizedText(ja: "見出しを入れて「節を追加」を押すと、最後に追加されます。", en: "Type a heading and press \"Add a section\": it is added at the end.")
        static let saveDraft = LocalizedText(ja: "下書きを保存", en: "Save the draft")
        static let draftSaved = LocalizedText(ja: "下書きを保存しました。", en: "The draft was saved.")
        static let draftCreated = LocalizedText(ja: "下書きを作りました。内容を確認して、会社に合わせて書き換えてください。", en: "The draft was created. Read it and adapt it to your company.")
        static let approve = LocalizedText(ja: "この版を承認する", en: "Approve this version")
        static let approveHint = LocalizedText(ja: "承認すると、この版の文章は変更できなくなります。直すときは新しい下書きを作ります。", en: "Once approved, the text of this version can no longer change. To revise it, start a new draft.")
        static let approved = LocalizedText(ja: "承認しました。", en: "Approved.")
        static let publish = LocalizedText(ja: "公開する", en: "Publish")
        static let publishTitle = LocalizedText(ja: "公開", en: "Publish")
        static let slug = LocalizedText(ja: "公開アドレスの名前", en: "Name in the public address")
        static let slugHint = LocalizedText(ja: "半角英小文字・数字・ハイフン、3〜40文字。公開ページは /p/この名前 になります。", en: "Lowercase letters, digits and hyphens, 3–40 characters. The public page will be /p/this-name.")
        static let published = LocalizedText(ja: "公開しました。ホームページなどからこのアドレスにリンクしてください。", en: "Published. Link to this address from your web site or brochure.")
        static let discard = LocalizedText(ja: "この下書きを破棄", en: "Discard this draft")
        static let discarded = LocalizedText(ja: "下書きを破棄しました（履歴には残ります）。", en: "The draft was discarded (it stays in the history).")
        static let ownerOnlyHint = LocalizedText(ja: "承認と公開は経営者・責任者が行います。", en: "The owner approves and publishes.")
        static let printView = LocalizedText(ja: "印刷用の表示", en: "Printable view")
        static let downloadWord = LocalizedText(ja: "Word 形式でダウンロード", en: "Download as Word")
        static let compareTitle = LocalizedText(ja: "版を比べる", en: "Compare versions")
        static let compareSubmit = LocalizedText(ja: "比べる", en: "Compare")
        static let compareBefore = LocalizedText(ja: "比べる元の版", en: "Older version")
        static let compareAfter = LocalizedText(ja: "比べる先の版", en: "Newer version")
        static let compareNeedsTwo = LocalizedText(ja: "比べるには版が2つ以上必要です。", en: "Two versions are needed to compare.")
        static let noDifferences = LocalizedText(ja: "2つの版の文章は同じです。", en: "The two versions have the same text.")
        static let line = LocalizedText(ja: "行", en: "Line")
        static func diffKind(_ kind: LineDiff.Kind) -> LocalizedText {
            switch kind {
            case .same: LocalizedText(ja: "同じ", en: "Same")
            case .removed: LocalizedText(ja: "削除", en: "Removed")
            case .added: LocalizedText(ja: "追加", en: "Added")
            case .changed: LocalizedText(ja: "変更", en: "Changed")
            }
        }
        static let commentsTitle = LocalizedText(ja: "コメント", en: "Comments")
        static let commentsLead = LocalizedText(ja: "担当の専門家やメンバーが節ごとにコメントできます。経営者・責任者が確認して「解決済み」にします。", en: "The assigned expert and members can comment on each section. The owner reads them and marks them resolved.")
        static let noComments = LocalizedText(ja: "コメントはありません。", en: "No comments.")
        static let addComment = LocalizedText(ja: "コメントする", en: "Add comment")
        static let commentLabel = LocalizedText(ja: "この節へのコメント", en: "Comment on this section")
        static let commentAdded = LocalizedText(ja: "コメントを追加しました。", en: "The comment was added.")
        static let resolve = LocalizedText(ja: "解決済みにする", en: "Mark resolved")
        static let resolved = LocalizedText(ja: "解決済み", en: "Resolved")
        static let commentResolved = LocalizedText(ja: "コメントを解決済みにしました。", en: "The comment was marked resolved.")
        static func openComments(_ count: Int) -> LocalizedText { LocalizedText(ja: "未解決のコメント \(count)件", en: "\(count) open comment\(count == 1 ? "" : "s")") }
        static let expertRole = LocalizedText(ja: "専門家", en: "Expert")
        static let deliverableCountsLead = LocalizedText(ja: "採択された企業のうち、各成果物ができている企業の数です（③は経営者が対策実行計画に合意した企業）。", en: "Accepted companies that have produced each deliverable (③: the owner agreed to the action plan).")
        static let allDeliverables = LocalizedText(ja: "4つすべてができた企業", en: "Companies with all four")
        static let backToPolicy = LocalizedText(ja: "基本方針・規程へ戻る", en: "Back to policy & rules")
        static let backToCompany = LocalizedText(ja: "企業のページへ戻る", en: "Back to the company")
        static let publicEstablished = LocalizedText(ja: "公開日", en: "Published on")
        static let publicFooter = LocalizedText(ja: "この基本方針は、上記の組織が Mamori で作成・承認し、公開しているものです。", en: "This basic policy was written, approved and published by the organization above using Mamori.")
        static let expertReviewTitle = LocalizedText(ja: "基本方針・規程の確認", en: "Policy and rules review")
        static let expertReviewLead = LocalizedText(ja: "担当企業の下書きを読み、節ごとにコメントできます。承認と公開は企業の経営者・責任者が行います。", en: "Read the company's drafts and comment on each section. The company's owner approves and publishes.")

        // Refusals
        static func draftExists(_ number: Int) -> LocalizedText {
            LocalizedText(ja: "作成中の下書き（第\(number)版）があります。新しく作る前に、その下書きを編集するか破棄してください。", en: "A draft (version \(number)) is already in progress. Edit or discard it before starting another.")
        }
        static func notEditable(_ status: PolicyStatus) -> LocalizedText {
            LocalizedText(ja: "この版は「\(statusName(status).ja)」のため変更できません。直すときは、この版をもとに新しい下書きを作ってください。", en: "This version is \(statusName(status).en.lowercased()) and cannot be changed. To revise it, start a new draft from it.")
        }
        static let ownerOnly = LocalizedText(ja: "基本方針・規程の承認と公開は、経営者・責任者だけが行えます。", en: "Only the owner can approve or publish the policy and rules.")
        static let ownerResolves = LocalizedText(ja: "コメントを解決済みにできるのは経営者・責任者だけです。", en: "Only the owner can mark comments resolved.")
        static let rulesNotPublished = LocalizedText(ja: "関連規程は社内文書のため公開しません。承認すると採用されます。", en: "Rules are internal documents and are not published; approving adopts them.")
        static func wrongState(_ step: PolicyStep, _ status: PolicyStatus) -> LocalizedText {
            switch step {
            case .approve: LocalizedText(ja: "承認できるのは下書きだけです（この版は「\(statusName(status).ja)」です）。", en: "Only a draft can be approved (this version is \(statusName(status).en.lowercased())).")
            case .publish: LocalizedText(ja: "公開できるのは承認済みの版だけです（この版は「\(statusName(status).ja)」です）。先に経営者・責任者が承認してください。", en: "Only an approved version can be published (this version is \(statusName(status).en.lowercased())). The owner must approve it first.")
            case .discard: LocalizedText(ja: "破棄できるのは下書きだけです。", en: "Only a draft can be discarded.")
            }
        }
        static let changedMeanwhile = LocalizedText(ja: "この版は、ほかの人の操作で状態が変わりました。ページを開き直してください。", en: "Someone else changed this version meanwhile. Reload the page.")
        static let tryAgain = LocalizedText(ja: "同時に操作されたため保存できませんでした。もう一度お試しください。", en: "This could not be saved because of a simultaneous change. Please try again.")
    }
}
