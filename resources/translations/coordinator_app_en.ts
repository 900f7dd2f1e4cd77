<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="35" />
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="52" />
        <source>ログイン名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="36" />
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="53" />
        <source>表示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="37" />
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="54" />
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="38" />
        <source>支部</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="39" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="50" />
        <source>{n}文字以上</source>
        <translation>{n} characters or more</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="55" />
        <source>支部（コーディネーター）</source>
        <translation>Branch (coordinators)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="56" />
        <source>パスワード（新規・再設定）</source>
        <translation>Password (new or reset)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="57" />
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="58" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="59" />
        <source>パスワードを再設定</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="60" />
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="130" />
        <source>無効にする</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="65" />
        <source>コーディネーターは一つの支部の記録だけを見られます。市社協職員は集計と指標だけ、管理者は設定だけを扱います。</source>
        <translation>A coordinator sees the records of one branch only. City-office staff work with tallies and indicators only, administrators with settings only.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="68" />
        <source>このデータベースは暗号化されています。市社協職員のアカウントでは開けません（集計は支部から届く集計ファイルで行います）。アカウントを無効にしたりパスワードを変えたりすると鍵を作り直し、それまでの鍵ファイルでは開けなくなります。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="90" />
        <source>有効</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="90" />
        <source>無効</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="92" />
        <source>・ロック中</source>
        <translation> · locked</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="94" />
        <source>（デモ専用）</source>
        <translation> (demo only)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="130" />
        <source>有効にする</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="170" />
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="171" />
        <source>{login} のパスワードを再設定しました。本人に伝え、変更してもらってください。</source>
        <translation>The password of {login} was reset. Tell the person and ask them to change it.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="183" />
        <source>アカウントを無効にする</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="184" />
        <source>{login} はサインインできなくなります。よろしいですか？</source>
        <translation>{login} will no longer be able to sign in. Continue?</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="193" />
        <source>アカウント</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="194" />
        <source>{login} を有効にしました。暗号化されたデータベースでは、パスワードを再設定するまでサインインできません。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="207" />
        <source>データベースの鍵</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="213" />
        <source>新しい回復キーを保管してください</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ActivityFormDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="44" />
        <source>活動記録の入力</source>
        <translation>Enter activity</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="73" />
        <source> 時間</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="74" />
        <source>記録しない</source>
        <translation>Don't record</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="88" />
        <source>氏名・ふりがなを入れて Enter で追加</source>
        <translation>Type a name or reading, press Enter to add</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="77" />
        <source>活動日(&amp;D)</source>
        <translation>Activity &amp;date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="78" />
        <source>活動名(&amp;T)</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="79" />
        <source>種類(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="80" />
        <source>1人あたりの時間</source>
        <translation>Hours per person</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="81" />
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="102" />
        <source>参加者を追加(&amp;A)</source>
        <translation>&amp;Add participant</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="110" />
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="111" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="124" />
        <source>参加者 {0}人（時間はダブルクリックで変更、Delete で外す）</source>
        <translation>Participants: {0} (double-click to change hours, Delete to remove)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="134" />
        <source>「{0}」に当たる登録中のボランティアはいません</source>
        <translation>No registered volunteer matches “{0}”</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="139" />
        <source>追加しました: {0}</source>
        <translation>Added: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="140" />
        <source>（ほかに {0}人該当）</source>
        <translation>({0} more match)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="143" />
        <source>{0} さんはもう追加されています</source>
        <translation>{0} is already added</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="160" />
        <source>活動日: </source>
        <translation>Activity date: </translation>
    </message>
</context>
<context>
    <name>ActivityPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="41" />
        <source>活動記録を入力 (Ctrl+R)</source>
        <translation>Enter activity (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="46" />
        <source>削除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="61" />
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="80" />
        <source>{0} ボランティア活動参加者数: {1}人（活動 {2}件）</source>
        <translation>{0} volunteer participants: {1} ({2} activities)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="105" />
        <source>活動記録の削除</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="106" />
        <source>{0} の「{1}」（参加者 {2}人）を削除します。元に戻せません。よろしいですか？</source>
        <translation>Delete “{1}” of {0} ({2} participants)? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="113" />
        <source>削除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>AreasTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="29" />
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="34" />
        <source>自治会名</source>
        <translation>Association name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="30" />
        <source>登録人数</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="35" />
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="36" />
        <source>名前を変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="37" />
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="39" />
        <source>支部</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="88" />
        <source>自治会を削除</source>
        <translation>Delete association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="89" />
        <source>「{name}」を削除します。よろしいですか？</source>
        <translation>Delete “{name}”?</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="42" />
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="45" />
        <source>利用者</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="48" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="49" />
        <source>対象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="51" />
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="53" />
        <source>詳細</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="4" />
        <source>ログイン名: {login}</source>
        <translation>Login: {login}</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="72" />
        <source>表示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="73" />
        <source>CSVに書き出す…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="76" />
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="77" />
        <source>利用者</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="77" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="89" />
        <source>監査ログには、誰が・いつ・何を・どの記録に行ったかだけを残し、氏名や相談内容は記録しません。</source>
        <translation>The audit trail keeps who did what, when, to which record — never names or the content of consultations.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="106" />
        <location filename="../../coordinator_app/ui/audit_view.py" line="113" />
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="110" />
        <source>ログイン名: {login}</source>
        <translation>Login: {login}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="124" />
        <source>読み込んでいます…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="131" />
        <source>{n}件（新しい順、最大2000件を表示）</source>
        <translation>{n} rows (newest first, at most 2000 shown)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="144" />
        <source>監査ログを書き出す</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="145" />
        <source>CSV ファイル (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="157" />
        <source>{n}件を書き出しました: {path}</source>
        <translation>{n} rows written: {path}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="162" />
        <source>書き出せませんでした</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="163" />
        <source>監査ログを書き出せませんでした: {reason}</source>
        <translation>The audit trail could not be written: {reason}</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="_helper_strings.py" line="5" />
        <source>アプリ（サインイン前）</source>
        <translation>The app (before sign-in)</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="6" />
        <source>コマンドライン</source>
        <translation>Command line</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="7" />
        <source>デモデータの作成</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="8" />
        <source>全支部</source>
        <translation>all branches</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="9" />
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="10" />
        <source>一定時間操作がなかったため</source>
        <translation>No input for a while</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="11" />
        <source>登録のないログイン名</source>
        <translation>Unknown login</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="12" />
        <source>ロック中</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="13" />
        <source>パスワードの変更</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="14" />
        <source>パスワードの再設定（管理者）</source>
        <translation>Password reset (admin)</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="15" />
        <source>回復キーによるパスワードの再設定</source>
        <translation>Password reset with the recovery key</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="16" />
        <source>有効にした</source>
        <translation>Activated</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="17" />
        <source>無効にした</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="18" />
        <source>退会</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="19" />
        <source>再登録</source>
        <translation>Reinstated</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="20" />
        <source>終了</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="21" />
        <source>フォロー終了</source>
        <translation>Follow-up closed</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="22" />
        <source>見守りの異変を紐づけ</source>
        <translation>Watch-over concern linked</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="23" />
        <source>完了</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="24" />
        <source>パスワードによる鍵の保護を強化</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="25" />
        <source>回復キー</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="26" />
        <source>集約</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="27" />
        <source>ボランティア保険の更新</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="28" />
        <source>支部 {codes}</source>
        <translation>branch {codes}</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="29" />
        <source>データベース全体</source>
        <translation>the whole database</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="30" />
        <source>{y}年{m}月</source>
        <translation>{y}-{m:02}</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="31" />
        <source>役割: {r}</source>
        <translation>role: {r}</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="32" />
        <source>{n}項目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="33" />
        <source>{v}人</source>
        <translation>{v} people</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="34" />
        <source>{v}部</source>
        <translation>{v} copies</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="35" />
        <source>{v}枚</source>
        <translation>{v} pages</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="36" />
        <source>協力員{v}人</source>
        <translation>{v} cooperators</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="37" />
        <source>{v}日ごと</source>
        <translation>every {v} days</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="38" />
        <source>新規{v}件</source>
        <translation>{v} new</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="39" />
        <source>更新{v}件</source>
        <translation>{v} updated</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="40" />
        <source>削除{v}件</source>
        <translation>{v} removed</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="41" />
        <source>{v}行</source>
        <translation>{v} rows</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="42" />
        <source>{v}ファイル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="43" />
        <source>{v}か月分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="44" />
        <source>{v}件</source>
        <translation>{v}</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="45" />
        <source>参加{v}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="46" />
        <source>活動内容{v}件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="47" />
        <source>相談記録（ID {v}）</source>
        <translation>consultation (ID {v})</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="48" />
        <source>復元元: {v}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="49" />
        <source>指標 {v}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="50" />
        <source>評価 {v}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="51" />
        <source>A評価の基準 {v}%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="52" />
        <source>B評価の基準 {v}%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="53" />
        <source>自動ロック {v}分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="54" />
        <source>{v}表</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="55" />
        <source>記録{v}行</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="56" />
        <source>前回{v}行</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="57" />
        <source>計画期間 {v}年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="58" />
        <source>うちボランティア{v}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="59" />
        <source>名前の記録{v}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="60" />
        <source>運営{v}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="61" />
        <source>常連{v}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="62" />
        <source>助成{v}年度分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="63" />
        <source>理由: {r}</source>
        <translation>reason: {r}</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="64" />
        <source>{branch}の分</source>
        <translation>{branch} only</translation>
    </message>
</context>
<context>
    <name>BranchesTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="27" />
        <source>コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="28" />
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="37" />
        <source>支部名</source>
        <translation>Branch name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="29" />
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="38" />
        <source>拠点名</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="30" />
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="38" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="31" />
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="39" />
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="37" />
        <source>支部コード</source>
        <translation>Branch code</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="41" />
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="42" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>CloseFollowUpDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="40" />
        <source>フォローの完了</source>
        <translation>Close follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="45" />
        <source>フォローの結果（例: 包括が訪問し、サービス開始）</source>
        <translation>Follow-up result (e.g. care center visited, service started)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="50" />
        <source>%3　受付 %1　%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="52" />
        <source>（匿名）</source>
        <translation>(anonymous)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="54" />
        <source>完了日</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="55" />
        <source>結果 *</source>
        <translation>Result *</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="56" />
        <source>完了にする (Ctrl+Enter)</source>
        <translation>Close (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="57" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="77" />
        <source>フォローの結果を入力してください</source>
        <translation>Enter the follow-up result</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="100" />
        <source>完了にできませんでした</source>
        <translation>Could not close</translation>
    </message>
</context>
<context>
    <name>CodeListTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="53" />
        <source>記録数</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="54" />
        <source>半角英小文字（例: food）</source>
        <translation>Lower-case letters (e.g. food)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="55" />
        <source>入力画面に表示する</source>
        <translation>Offer it on the entry form</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="57" />
        <source>登録数</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="58" />
        <source>半角英小文字（例: shopping）</source>
        <translation>Lower-case letters (e.g. shopping)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="59" />
        <source>登録・検索の画面に表示する</source>
        <translation>Offer on registration and search screens</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="68" />
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="82" />
        <source>コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="69" />
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="83" />
        <source>表示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="70" />
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="84" />
        <source>順番</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="71" />
        <source>使用中</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="71" />
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="71" />
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="86" />
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="87" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ConcernDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="35" />
        <source>異変あり — 相談記録を作成</source>
        <translation>Concern — create consultation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="37" />
        <source>{name} さんの異変を相談記録にして、要フォローに載せます。</source>
        <translation>Record the concern about {name} as a consultation and add it to follow-ups.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="41" />
        <source>例: 新聞がたまっている、足を痛めている</source>
        <translation>e.g. newspapers piling up, hurt leg</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="51" />
        <source>新しい相談として記録する</source>
        <translation>Record as a new consultation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="54" />
        <source>既存の相談に紐づける: {number} {day} {summary}（フォロー {follow}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="60" />
        <source>気づいたこと(&amp;N)</source>
        <translation>&amp;Noticed</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="61" />
        <source>相談内容(&amp;C)</source>
        <translation>&amp;Consultation subject</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="62" />
        <source>フォロー日(&amp;F)</source>
        <translation>&amp;Follow-up date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="63" />
        <source>対応(&amp;R)</source>
        <translation>&amp;Response</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="64" />
        <source>紐づけ(&amp;L)</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="66" />
        <source>相談記録を作成して保存</source>
        <translation>Create consultation and save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="67" />
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="88" />
        <source>気づいたことを入力してください</source>
        <translation>Enter what you noticed</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="92" />
        <source>フォロー日: {e}</source>
        <translation>Follow-up date: {e}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="37" />
        <source>食い違いを解決する</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="40" />
        <source>同じ支部・同じ月について、数字の違う集計ファイルが届いています。どちらのファイルの数字を使うか選んでください。選ぶまでは、先に届いたファイルの数字のままです。</source>
        <translation>Tally files with different figures arrived for the same branch and month. Choose which file's figures to use. Until you choose, the file that arrived first is used.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="60" />
        <source>このファイルの数字を使う</source>
        <translation>Use this file's figures</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="62" />
        <source>すべて新しく届いたファイルの数字を使う</source>
        <translation>Use the newest files for all</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="64" />
        <source>閉じる（あとで決める）</source>
        <translation>Close (decide later)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="69" />
        <source>使うファイル</source>
        <translation>File to use</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="129" />
        <source>{0} 件を決めました</source>
        <translation>{0} resolved</translation>
    </message>
</context>
<context>
    <name>ConsolidationPage</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="61" />
        <source>集計ファイルを読み込む…</source>
        <translation>Load tally files…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="63" />
        <source>食い違いを解決…</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="65" />
        <source>集約ファイルを書き出す…</source>
        <translation>Export consolidated file…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="67" />
        <source>選んだファイルを取り消す</source>
        <translation>Withdraw selected file</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="73" />
        <source>支部から届いた集計ファイル（CSV）をここにドラッグ＆ドロップできます</source>
        <translation>Drag and drop tally files (CSV) from branches here</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="80" />
        <source>受信</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="80" />
        <source>食い違い</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="81" />
        <source>選択済</source>
        <translation>Chosen</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="81" />
        <source>暫定（月の途中で受信）</source>
        <translation>Provisional (received mid-month)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="82" />
        <source>未着</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="82" />
        <source>— 月が終わっていない</source>
        <translation>— month not over</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="83" />
        <source>　※ 未報告の項目あり（その項目ができる前の形式のファイル。0 とは数えません）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="108" />
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="120" />
        <source>受信したファイル</source>
        <translation>Received files</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="162" />
        <source>{0}: {1} 支部中 {2} 支部から受信・未着の月 {3}・食い違い {4} 件（未解決）</source>
        <translation>{0}: received from {2} of {1} branches · missing months {3} · {4} unresolved conflicts</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="167" />
        <source>・一部の項目が未報告の月 {0}（※）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="173" />
        <source>集計ファイルを選ぶ</source>
        <translation>Choose tally files</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="174" />
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="270" />
        <source>集計ファイル (*.csv)</source>
        <translation>Tally files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="195" />
        <source>読み込んでいます…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="204" />
        <source>{0} ファイルを受信しました。</source>
        <translation>{0} files received.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="206" />
        <source>同じ内容のファイルは受信済みです: {0}</source>
        <translation>Already received (same content): {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="209" />
        <source>次のファイルは契約の形式と違うため受け付けませんでした（何も変更していません）:</source>
        <translation>These files do not match the agreed format and were rejected (nothing changed):</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="212" />
        <source>{0} 件の食い違いがあります。どちらの数字を使うか選んでください。選ぶまでは先に届いた数字のままです。</source>
        <translation>There are {0} conflicts. Choose which figures to use. Until then, the first-received figures are used.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="252" />
        <source>取り消すファイルを一覧から選んでください。</source>
        <translation>Select the file to withdraw in the list.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="262" />
        <source>「{0}」の受信を取り消します。このファイルの数字は集約から外れます。よろしいですか。</source>
        <translation>Withdraw “{0}”? Its figures will be removed from the consolidation.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="268" />
        <source>集約ファイルを書き出す</source>
        <translation>Export consolidated file</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="279" />
        <source>未解決の食い違いは先に届いた数字で書き出します。</source>
        <translation>Unresolved conflicts are exported with the first-received figures.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="283" />
        <source>{0} 行を書き出しました: {1}</source>
        <translation>{0} rows written: {1}</translation>
    </message>
</context>
<context>
    <name>ConsultationDetailPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="30" />
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="82" />
        <source>記録を選ぶと、ここに内容が表示されます</source>
        <translation>Select a record to see it here</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="36" />
        <source>受付</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="36" />
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="37" />
        <source>受付方法</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="37" />
        <source>相談者</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="38" />
        <source>相談内容</source>
        <translation>Consultation subjects</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="38" />
        <source>対応</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="39" />
        <source>緊急対応</source>
        <translation>Emergency response</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="40" />
        <source>つなぎ先</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="40" />
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="41" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="41" />
        <source>フォロー</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="42" />
        <source>受付者</source>
        <translation>Taken by</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="48" />
        <source>編集 (Enter)</source>
        <translation>Edit (Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="49" />
        <source>削除 (Delete)</source>
        <translation>Delete (Delete)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="50" />
        <source>この人の履歴 (Ctrl+H)</source>
        <translation>Person's history (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="86" />
        <source>相談記録 %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="94" />
        <source>（%1 完了: %2）</source>
        <translation>(%1 closed: %2)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="96" />
        <source>（匿名）</source>
        <translation>(anonymous)</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="68" />
        <source>相談記録の編集</source>
        <translation>Edit consultation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="68" />
        <source>相談記録の入力</source>
        <translation>New consultation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="83" />
        <source>行った対応（例: 救急要請、家族へ連絡）</source>
        <translation>Action taken (e.g. called ambulance, contacted family)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="86" />
        <source>例: 地域包括支援センター</source>
        <translation>e.g. community care center</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="94" />
        <source>相談の内容、聞き取ったこと、対応したこと</source>
        <translation>What was consulted, heard and done</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="96" />
        <source>保存 (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="97" />
        <source>キャンセル (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="117" />
        <source>支部: %1　　受付者: %2</source>
        <translation>Branch: %1　　Taken by: %2</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="125" />
        <source>時刻</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="131" />
        <source>受付日</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="132" />
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="133" />
        <source>受付方法</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="134" />
        <source>相談者</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="135" />
        <source>相談内容</source>
        <translation>Consultation subjects</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="136" />
        <source>対応</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="137" />
        <source>緊急対応の内容</source>
        <translation>Emergency action</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="139" />
        <source>つなぎ先</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="141" />
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="142" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="143" />
        <source>フォロー日</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="149" />
        <source>* は必須。数字キーで選択、Tab で次の項目へ、Ctrl+Enter または Ctrl+S で保存。</source>
        <translation>* required. Number keys select, Tab moves on, Ctrl+Enter or Ctrl+S saves.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="311" />
        <source>保存できませんでした</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="320" />
        <source>入力の破棄</source>
        <translation>Discard input</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="321" />
        <source>入力した内容は保存されていません。破棄して閉じますか？</source>
        <translation>Your input is not saved. Discard it and close?</translation>
    </message>
</context>
<context>
    <name>ConsultationListModel</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="74" />
        <source>完了</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="75" />
        <source>要フォロー</source>
        <translation>Needs follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="76" />
        <source>予定</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="100" />
        <source>番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="101" />
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="105" />
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="107" />
        <source>方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="109" />
        <source>相談者</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="111" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="113" />
        <source>対応</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="115" />
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="118" />
        <source>フォロー</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="116" />
        <source>（匿名）</source>
        <translation>(anonymous)</translation>
    </message>
</context>
<context>
    <name>ConsultationsScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="62" />
        <source>新しい記録 (Ctrl+N)</source>
        <translation>New record (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="64" />
        <source>検索: 内容・氏名・ふりがな（Ctrl+F）</source>
        <translation>Search: content, name, reading (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="66" />
        <source>削除した記録…</source>
        <translation>Deleted records…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="68" />
        <source>すべての期間</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="68" />
        <source>今月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="69" />
        <source>先月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="70" />
        <source>今年度</source>
        <translation>This fiscal year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="71" />
        <source>期間指定</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="76" />
        <source>すべての区分</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="77" />
        <source>すべての相談内容</source>
        <translation>All subjects</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="79" />
        <source>すべての対応</source>
        <translation>All responses</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="80" />
        <source>フォロー: すべて</source>
        <translation>Follow-up: all</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="81" />
        <source>条件をクリア</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="94" />
        <source>元に戻す (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="148" />
        <source>相談記録一覧</source>
        <translation>Consultation list</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="149" />
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="269" />
        <source>要フォロー</source>
        <translation>Needs follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="263" />
        <source>検索しています…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="265" />
        <source>%1件</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="269" />
        <source>要フォロー (%1)</source>
        <translation>Needs follow-up (%1)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="276" />
        <source>要フォロー %1件</source>
        <translation>%1 need follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="349" />
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="429" />
        <source>開けませんでした</source>
        <translation>Could not open</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="359" />
        <source>保存しました（%1）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="385" />
        <source>削除しました（%1）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="400" />
        <source>元に戻しました（%1）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="371" />
        <source>相談記録の削除</source>
        <translation>Delete consultation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="372" />
        <source>この相談記録を削除しますか？
削除した記録は集計から外れます。この画面を閉じるまでは Ctrl+Z で元に戻せます。</source>
        <translation>Delete this consultation?
Deleted records are left out of tallies. Until you close this screen, Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="415" />
        <source>できませんでした</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="131" />
        <source>見守りの記録</source>
        <translation>Watch-over contact</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="133" />
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="207" />
        <source>一覧から利用者を選んでください</source>
        <translation>Select a user in the list</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="143" />
        <source>職員</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="152" />
        <source>メモ（任意）</source>
        <translation>Memo (optional)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="153" />
        <source>記録して次へ（Enter）</source>
        <translation>Record and next (Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="162" />
        <source>実施日(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="163" />
        <source>方法(&amp;M)</source>
        <translation>&amp;Method</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="164" />
        <source>実施者(&amp;W)</source>
        <translation>Done &amp;by</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="167" />
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="168" />
        <source>メモ(&amp;O)</source>
        <translation>Mem&amp;o</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="211" />
        <source>最終連絡: {day} {result}（{days}日前）</source>
        <translation>Last contact: {day} {result} ({days} days ago)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="214" />
        <source>最終連絡: なし</source>
        <translation>Last contact: none</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="216" />
        <source>電話: {phone}　自治会: {area}</source>
        <translation>Phone: {phone}　Association: {area}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="218" />
        <source>見守りの方法: {m}</source>
        <translation>Method: {m}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="220" />
        <source>状態: {s}</source>
        <translation>State: {s}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="223" />
        <source>協力員が未割当です</source>
        <translation>No helper assigned</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="229" />
        <source>ほかの協力員を追加…</source>
        <translation>Add another helper…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="239" />
        <source>協力員 {name}</source>
        <translation>Helper {name}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="290" />
        <source>実施日: {e}</source>
        <translation>Date: {e}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="292" />
        <source>結果を 1 異常なし・2 不在・3 異変あり から選んでください</source>
        <translation>Choose a result: 1 fine, 2 absent, 3 concern</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="326" />
        <source>記録しました: {name} {result}</source>
        <translation>Recorded: {name} {result}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="328" />
        <source>（相談記録を要フォローに追加）</source>
        <translation>(consultation added to follow-ups)</translation>
    </message>
</context>
<context>
    <name>ConvertOfferDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="204" />
        <source>データベースの暗号化 — コーディネーターアプリ</source>
        <translation>Database encryption — Coordinator App</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="206" />
        <source>このデータベースは暗号化されていません</source>
        <translation>This database is not encrypted</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="209" />
        <source>いまのままでは、パソコンやUSBメモリーのバックアップをなくしたり盗まれたりすると、だれでもファイルから氏名・住所・相談内容を読めます。暗号化すると、パスワード（または回復キー）なしでは読めなくなります。

暗号化したコピーを作って内容が元と同じことを確かめてから置き換えます。暗号化されていない元のファイルは上書きしてから削除し、これまでのバックアップは暗号化したものに置き換えます（同じパスワードで開けます）。作業中は他のパソコンからこのデータベースを使わないでください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="217" />
        <source>データベース: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="224" />
        <source>{login} のパスワード(&amp;P)</source>
        <translation>&amp;Password of {login}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="226" />
        <source>これまでのバックアップは暗号化せずに削除する（上書きしてから削除。元に戻せません）(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="234" />
        <source>暗号化する</source>
        <translation>Encrypt</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="235" />
        <source>今はしない</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="255" />
        <source>パスワードを入力してください</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="266" />
        <source>暗号化されていないこれまでのバックアップを、暗号化せずに削除します。削除したバックアップからは復元できなくなります。よろしいですか？</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CooperatorsPage</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/cooperators_page.py" line="53" />
        <source>未割当の利用者を今月の見守りで見る</source>
        <translation>Show unassigned users in this month's watch-over</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/cooperators_page.py" line="63" />
        <source>この協力員の担当で今月の見守りを開く</source>
        <translation>Open this month's watch-over for this helper</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/cooperators_page.py" line="88" />
        <source>見守り協力員 {n}人　協力員が未割当の利用者: &lt;b style='color:{c}'&gt;{u}人&lt;/b&gt;</source>
        <translation>Helpers: {n}　Users without a helper: &lt;b style='color:{c}'&gt;{u}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/cooperators_page.py" line="92" />
        <source>　&lt;span style='color:#b00020'&gt;※役割なしの担当者 {m}人（ボランティア登録で見守り協力員にしてください）&lt;/span&gt;</source>
        <translation>　&lt;span style='color:#b00020'&gt;※{m} assigned without the helper role (give them the role in volunteer registration)&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/cooperators_page.py" line="116" />
        <source>{name}（{kana}）さんの担当: {n}人　電話 {phone}</source>
        <translation>{name} ({kana}) looks after {n}　Phone {phone}</translation>
    </message>
</context>
<context>
    <name>DeletedConsultationsDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="95" />
        <source>削除した相談記録</source>
        <translation>Deleted consultations</translation>
    </message>
</context>
<context>
    <name>DeletedConsultationsView</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="34" />
        <source>番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="35" />
        <source>支部</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="36" />
        <source>受付日</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="37" />
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="38" />
        <source>削除日時</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="39" />
        <source>削除した人</source>
        <translation>Deleted by</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="48" />
        <source>復元する</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="55" />
        <source>削除された相談記録は集計に含まれません。復元すると元に戻ります。</source>
        <translation>Deleted consultations are not tallied. Restoring puts them back.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="67" />
        <source>%1件</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="85" />
        <source>復元しました</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="89" />
        <source>復元できませんでした</source>
        <translation>Could not restore</translation>
    </message>
</context>
<context>
    <name>DisposalDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="41" />
        <source>返却・細断の記録</source>
        <translation>Record return or shredding</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="42" />
        <source>返却された(&amp;R)</source>
        <translation>&amp;Returned</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="43" />
        <source>細断した(&amp;S)</source>
        <translation>&amp;Shredded</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="49" />
        <source>例: 2部とも返却、支部で細断</source>
        <translation>e.g. both copies returned, shredded at branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="50" />
        <source>{title}（控番号 {copies}、{recipient}）</source>
        <translation>{title} (copy no. {copies}, {recipient})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="52" />
        <source>渡した相手の記入なし</source>
        <translation>Recipient not entered</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="60" />
        <source>どうなったか</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="61" />
        <source>日付(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="62" />
        <source>メモ(&amp;M)</source>
        <translation>&amp;Memo</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="66" />
        <source>記録する (Ctrl+S)</source>
        <translation>Record (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="67" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="84" />
        <source>日付: </source>
        <translation>Date: </translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="289" />
        <source>個人情報を含むファイル</source>
        <translation>File with personal data</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="31" />
        <source>見守り登録の終了</source>
        <translation>End watch-over registration</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="32" />
        <source>{name} さんの見守り登録を終了します。今月の見守りから外れますが、これまでの記録は残ります。</source>
        <translation>End the watch-over registration of {name}. They leave this month's watch-over; past records are kept.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="38" />
        <source>（選んでください）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="44" />
        <source>終了日(&amp;D)</source>
        <translation>End &amp;date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="45" />
        <source>終了理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="47" />
        <source>登録を終了</source>
        <translation>End registration</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="48" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="61" />
        <source>終了日: {e}</source>
        <translation>End date: {e}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="64" />
        <source>終了理由を選んでください</source>
        <translation>Choose a reason</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="56" />
        <source>見守り利用者の編集</source>
        <translation>Edit watch-over user</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="56" />
        <source>見守り利用者の登録</source>
        <translation>Register watch-over user</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="84" />
        <source>例: 長女 見本 花子 048-000-0000</source>
        <translation>e.g. eldest daughter Hanako Mihon 048-000-0000</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="96" />
        <source>{label}（{days}日）</source>
        <translation>{label} ({days} days)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="115" />
        <source>郵送物（かわらばん等）の送付に同意している</source>
        <translation>Agrees to receive mailings (newsletter etc.)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="126" />
        <source>利用者</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="128" />
        <source>利用者(&amp;P)</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="129" />
        <source>電話(&amp;T)</source>
        <translation>&amp;Telephone</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="130" />
        <source>住所(&amp;D)</source>
        <translation>A&amp;ddress</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="131" />
        <source>自治会(&amp;A)</source>
        <translation>&amp;Association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="132" />
        <source>緊急連絡先(&amp;E)</source>
        <translation>&amp;Emergency contact</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="133" />
        <source>見守りの方法</source>
        <translation>Watch-over method</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="134" />
        <source>頻度(&amp;F)</source>
        <translation>&amp;Frequency</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="135" />
        <source>登録日(&amp;R)</source>
        <translation>&amp;Registered</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="141" />
        <source>協力員(&amp;K)</source>
        <translation>Help&amp;ers</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="143" />
        <source>メモ(&amp;O)</source>
        <translation>Mem&amp;o</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="144" />
        <source>郵送</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="146" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="147" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="155" />
        <source>見守りの履歴</source>
        <translation>Watch-over history</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="189" />
        <source>{n}日ごと</source>
        <translation>Every {n} days</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="203" />
        <source>{day} に登録を終了しています（{reason}）</source>
        <translation>Registration ended on {day} ({reason})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="218" />
        <source>（通常は2人1組）</source>
        <translation>(usually in pairs)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="219" />
        <source>{n}人を選択{hint}　Spaceで選択/解除</source>
        <translation>{n} selected{hint}　Space selects/clears</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="236" />
        <source>登録日: {e}</source>
        <translation>Registered: {e}</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="71" />
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="73" />
        <source>評価シートをPDFに…</source>
        <translation>Evaluation sheet to PDF…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="75" />
        <source>Excelに書き出す…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="76" />
        <source>推進委員会の意見を Excel で入力してもらうためのブック（指標ごとに1シート）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="78" />
        <source>Excelから意見を読み込む…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="92" />
        <source>なし（どの年度も記録から数える）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="94" />
        <source>計画を保存</source>
        <translation>Save plan</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="110" />
        <source>事業の概要</source>
        <translation>Program outline</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="114" />
        <source>目標・実績</source>
        <translation>Targets and results</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="134" />
        <source>計画</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="136" />
        <source>計画名</source>
        <translation>Plan name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="138" />
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="142" />
        <source>記録で数える最初の年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="153" />
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="156" />
        <source>指標</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="158" />
        <source>集計元</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="232" />
        <source>{0}・{1} の評価シート</source>
        <translation>Evaluation sheet {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="258" />
        <source>保存しました</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="273" />
        <source>計画を保存しました</source>
        <translation>Plan saved</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="281" />
        <source>評価シートを書き出す</source>
        <translation>Export evaluation sheet</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="282" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="289" />
        <source>PDFを作っています…</source>
        <translation>Creating PDF…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="296" />
        <source>{0} ページのPDFを書き出しました: {1}</source>
        <translation>{0}-page PDF written: {1}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="308" />
        <source>評価シートを Excel に書き出す</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="309" />
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="330" />
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished">Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="320" />
        <source>{0} シートのブックを書き出しました: {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="329" />
        <source>推進委員会の意見を読み込む</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="339" />
        <source>{0}の推進委員会の意見を {1} 件読み込みました</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EventFormDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="60" />
        <source>行事の編集</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="60" />
        <source>行事の入力</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="89" />
        <source>（選んでください）</source>
        <translation type="unfinished">(choose)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="94" />
        <source>例: 地域の担い手育成講座（第1回）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="96" />
        <source>（なし）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="102" />
        <source>名前を記録するときは、氏名・ふりがなで検索して Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="107" />
        <source>保存 (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="108" />
        <source>閉じる (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="112" />
        <source>支部: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="121" />
        <source>人（ボランティアも含めた全員）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="123" />
        <source>うちボランティア</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="125" />
        <source>人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="127" />
        <source>開催日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="128" />
        <source>グループ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="129" />
        <source>種別</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="130" />
        <source>名称</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="131" />
        <source>自治会</source>
        <translation>Residents' association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="132" />
        <source>参加人数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="134" />
        <source>参加者の名前</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="135" />
        <source>メモ</source>
        <translation type="unfinished">Memo</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="137" />
        <source>* は必須。Tab で次の項目へ、Enter で保存。参加者の名前は任意（講座の修了確認、常連の出欠）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="185" />
        <source>（グループの行事ではない）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="190" />
        <source>{0}（この日は活動期間外）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="210" />
        <source>開催の目安: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="211" />
        <source>未記入</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="280" />
        <source>同じ日の行事</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="281" />
        <source>このグループのこの日の行事はすでに入力されています。もう1件入力しますか？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="323" />
        <source>保存しました: {0} {1} {2}人。続けて次の行事を入力できます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="353" />
        <source>入力の破棄</source>
        <translation type="unfinished">Discard input</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="354" />
        <source>入力した内容は保存されていません。破棄して閉じますか？</source>
        <translation type="unfinished">Your input is not saved. Discard it and close?</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="366" />
        <source>保存できませんでした</source>
        <translation type="unfinished">Could not save</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="65" />
        <source>すべての月</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="75" />
        <source>編集 (Enter)</source>
        <translation type="unfinished">Edit (Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="76" />
        <source>削除…</source>
        <translation type="unfinished">Delete…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="80" />
        <source>月</source>
        <translation type="unfinished">Month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="80" />
        <source>種別</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="81" />
        <source>グループ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="112" />
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="125" />
        <source>{0}回・参加 延べ{1}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="151" />
        <source>行事の削除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="152" />
        <source>{0} の「{1}」（参加 {2}人）を削除します。集計からも除かれます。削除しますか？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="162" />
        <source>削除できませんでした</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="40" />
        <source>はじめての設定 — コーディネーターアプリ</source>
        <translation>First-time setup — Coordinator App</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="43" />
        <source>このデータベースにはまだアカウントがありません。最初に、アカウントや支部を管理する「管理者」を作成してください。コーディネーターや市社協職員のアカウントは、あとで管理者が「設定」で作成します。</source>
        <translation>This database has no accounts yet. First create the administrator, who manages accounts and branches. Accounts for coordinators and city-office staff are created later by the administrator in Settings.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="58" />
        <source>ログイン名(&amp;L)</source>
        <translation>&amp;Login name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="59" />
        <source>表示名(&amp;N)</source>
        <translation>Display &amp;name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="60" />
        <source>パスワード(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="61" />
        <source>パスワード（確認）(&amp;C)</source>
        <translation>&amp;Confirm password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="64" />
        <source>パスワードは{n}文字以上。データベースはこのパスワードで暗号化されます。作成のあと、すべてのパスワードを忘れたときのための「回復キー」を一度だけ表示します。</source>
        <translation>At least {n} characters. The database is encrypted with this password. After creation, a recovery key for when all passwords are forgotten is shown once.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="68" />
        <source>パスワードは{n}文字以上。忘れると復旧できないので、安全な場所に控えてください。</source>
        <translation>At least {n} characters. A forgotten password cannot be recovered: keep a note of it in a safe place.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="78" />
        <source>管理者を作成して始める</source>
        <translation>Create the administrator and start</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="80" />
        <source>終了</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="95" />
        <source>ログイン名を入力してください</source>
        <translation>Enter a login name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="98" />
        <source>確認のパスワードが一致しません</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="102" />
        <source>既にアカウントがあります。サインインしてください</source>
        <translation>Accounts exist already. Please sign in.</translation>
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="116" />
        <source>フォロー日</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="117" />
        <source>経過</source>
        <translation>Elapsed</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="117" />
        <source>%1日</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="119" />
        <source>番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="120" />
        <source>受付日</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="121" />
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="122" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="124" />
        <source>対応</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="125" />
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="125" />
        <source>（匿名）</source>
        <translation>(anonymous)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="126" />
        <source>概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="137" />
        <source>期日が来たフォローはありません。</source>
        <translation>No follow-ups are due.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="138" />
        <source>完了にする… (Enter)</source>
        <translation>Close… (Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="139" />
        <source>記録を開く</source>
        <translation>Open record</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="140" />
        <source>この人の履歴 (Ctrl+H)</source>
        <translation>Person's history (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="146" />
        <source>フォロー日が今日までに来て、まだ完了していない記録です（フォロー日の古い順）。完了にするときは結果を記録します。</source>
        <translation>Records with a follow-up date up to today, not yet closed (oldest first). Record the result when closing.</translation>
    </message>
</context>
<context>
    <name>GatheringsScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/screen.py" line="34" />
        <source>行事・サロン</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/screen.py" line="37" />
        <source>行事を入力 (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/screen.py" line="38" />
        <source>グループを登録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/screen.py" line="52" />
        <source>行事</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/screen.py" line="53" />
        <source>活動グループ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/screen.py" line="72" />
        <source>今月の行事 {0}回・参加 延べ{1}人　活動中のグループ {2}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GradeDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="35" />
        <source>評価を決める</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="37" />
        <source>なし</source>
        <translation type="unfinished">None</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="39" />
        <source>まだ決めない</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="47" />
        <source>評価の根拠など（画面だけに出ます。シートには印刷しません）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="52" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="53" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="57" />
        <source>指標</source>
        <translation type="unfinished">Indicator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="58" />
        <source>年度</source>
        <translation type="unfinished">Fiscal year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="59" />
        <source>目標と実績からの提案</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="60" />
        <source>評価(&amp;G)</source>
        <translation type="unfinished">&amp;Rating</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="61" />
        <source>メモ(&amp;M)</source>
        <translation type="unfinished">&amp;Memo</translation>
    </message>
</context>
<context>
    <name>GroupFormDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="56" />
        <source>活動グループの編集</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="56" />
        <source>活動グループの登録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="76" />
        <source>例: ふれあいサロン原市</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="78" />
        <source>ひらがな・カタカナ（数字・英字も可）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="80" />
        <source>（選んでください）</source>
        <translation type="unfinished">(choose)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="84" />
        <source>（なし）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="90" />
        <source>終了したとき: 理由（例: 会場の閉鎖）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="93" />
        <source>例: 第2・第4火曜 午後、毎週水曜、毎月15日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="98" />
        <source>例: 原市集会所</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="99" />
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="106" />
        <source>氏名・ふりがなで検索して Enter で追加</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="109" />
        <source>保存 (Ctrl+Enter)</source>
        <translation type="unfinished">Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="110" />
        <source>キャンセル (Esc)</source>
        <translation type="unfinished">Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="120" />
        <source>〜 終了日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="129" />
        <source>名称</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="130" />
        <source>ふりがな</source>
        <translation type="unfinished">Reading</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="131" />
        <source>種別</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="132" />
        <source>自治会</source>
        <translation>Residents' association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="133" />
        <source>開始日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="135" />
        <source>終了理由</source>
        <translation type="unfinished">End reason</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="136" />
        <source>開催の目安</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="137" />
        <source>会場</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="138" />
        <source>助成</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="139" />
        <source>メモ</source>
        <translation type="unfinished">Memo</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="141" />
        <source>運営</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="142" />
        <source>連絡先</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="143" />
        <source>常連</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="150" />
        <source>* は必須。Tab で次の項目へ、Ctrl+Enter（Ctrl+S）で保存。運営・常連はこの支部の登録者から選びます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="158" />
        <source>支部: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="215" />
        <source>次回の目安: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="216" />
        <source>この書き方からは日付を読み取れません（開催の入力では前回の1週間後か今日を提案します）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="289" />
        <source>保存できませんでした</source>
        <translation type="unfinished">Could not save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="296" />
        <source>入力の破棄</source>
        <translation type="unfinished">Discard input</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="297" />
        <source>入力した内容は保存されていません。破棄して閉じますか？</source>
        <translation type="unfinished">Your input is not saved. Discard it and close?</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="183" />
        <source>名称・ふりがなで絞り込み</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="193" />
        <source>編集 (Enter)</source>
        <translation type="unfinished">Edit (Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="194" />
        <source>開催を入力</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="199" />
        <source>種別</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="199" />
        <source>自治会</source>
        <translation>Residents' association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="200" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="229" />
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="243" />
        <source>{0}グループ（50音順）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="76" />
        <location filename="../../coordinator_app/ui/home.py" line="123" />
        <source>計算しています…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="78" />
        <source>今月の相談・連絡</source>
        <translation>Consultations and contacts this month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="79" />
        <source>フォローが必要な相談（今日まで）</source>
        <translation>Follow-ups due (up to today)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="80" />
        <source>今月まだ連絡できていない見守り利用者</source>
        <translation>Watch-over users not yet reached this month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="81" />
        <source>ボランティア保険の更新が必要な方</source>
        <translation>Volunteers whose insurance needs renewal</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="82" />
        <source>今月の行事・サロン</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="85" />
        <source>2か月開催のないグループ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="107" />
        <source>{branch}の数字です。数字を押すと一覧が開きます。</source>
        <translation>Figures of {branch}. Press a number to open the list.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="110" />
        <source>全支部の合計です（数字のみ。個人の一覧は支部のコーディネーターだけが開けます）。</source>
        <translation>Totals of every branch (figures only: lists of people are for each branch's coordinator).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="132" />
        <source>数字を計算できませんでした: </source>
        <translation>The figures could not be counted: </translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="136" />
        <source>今日のようす — {date}</source>
        <translation>Today — {date}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="140" />
        <location filename="../../coordinator_app/ui/home.py" line="143" />
        <source>{n}件</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="141" />
        <source>先月 {n}件（{diff:+d}）</source>
        <translation>Last month {n} ({diff:+d})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="144" />
        <source>フォロー日が今日まで、まだ完了していないもの</source>
        <translation>Follow-up date today or earlier, not closed</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="146" />
        <location filename="../../coordinator_app/ui/home.py" line="149" />
        <source>{n}人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="147" />
        <source>今月の連絡がまだない利用者</source>
        <translation>Users with no contact this month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="150" />
        <source>{fy}の保険に未加入の活動中ボランティア</source>
        <translation>Active volunteers without insurance for {fy}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="153" />
        <source>{n}回</source>
        <translation type="unfinished">{n} times</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="154" />
        <source>参加 延べ{n}人（ボランティアを含む）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="160" />
        <source> ほか{n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="161" />
        <source>{since}以降の開催記録なし: {names}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="163" />
        <source>{since}以降、活動中のグループはどれも開催しています</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="165" />
        <source>{n}グループ</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="63" />
        <source>指標を追加する</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="63" />
        <source>指標の定義を変更する</source>
        <translation>Change indicator definition</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="95" />
        <source>なし（実績を入力する）</source>
        <translation>None (enter results)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="103" />
        <source>空欄は全支部。例: 00 04（市社協の窓口と平方支部だけ）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="113" />
        <source>{0}（計画の期間。評価シートの「計画」で変えます）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="116" />
        <source>例: 4316（なければ空）</source>
        <translation>e.g. 4316 (blank if none)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="120" />
        <source>例: 458（記録を始める前の年度の合計。なければ空）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="132" />
        <source>重点的評価施策（シートの事業名に ※）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="134" />
        <source>使う（一覧と評価シートに出す）</source>
        <translation>In use (shown in list and evaluation sheet)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="152" />
        <source>時点</source>
        <translation>As of</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="155" />
        <source>コード(&amp;C)</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="156" />
        <source>指標名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="157" />
        <source>単位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="158" />
        <source>部局名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="159" />
        <source>課名（担当課）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="160" />
        <source>係名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="161" />
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="162" />
        <source>数える集計項目</source>
        <translation>Tally item counted</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="163" />
        <source>内訳</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="164" />
        <source>内訳の項目</source>
        <translation>Breakdown item</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="165" />
        <source>対象の支部（コード）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="166" />
        <source>よい方向</source>
        <translation>Better direction</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="167" />
        <source>計画期間</source>
        <translation>Plan period</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="168" />
        <source>基準値</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="169" />
        <source>記録開始前の累計</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="170" />
        <source>基本目標</source>
        <translation>Basic goal</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="171" />
        <source>施策の方向性</source>
        <translation>Policy direction</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="172" />
        <source>事業名</source>
        <translation>Program</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="173" />
        <source>事業の概要</source>
        <translation>Program outline</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="177" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="178" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="191" />
        <source>合計</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>IndicatorsPage</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="78" />
        <source>全支部</source>
        <translation>All branches</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="84" />
        <source>CSVを書き出す…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="86" />
        <source>指標を追加…</source>
        <translation>Add indicator…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="88" />
        <source>定義を変更…</source>
        <translation>Change definition…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="90" />
        <source>評価の基準…</source>
        <translation>Rating criteria…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="135" />
        <source>評価を決める…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="139" />
        <source>目標・注記は表の欄をダブルクリックして入力します（目標は数値または 増加・減少・維持・設置 など）。評価は「評価を決める」で決めます（提案は目標と実績からの目安です）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="204" />
        <source>{0}・{1}: 指標 {2} 件（評価を決めたもの {3} 件・提案だけのもの {4} 件）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="252" />
        <source>{0}の実績は集計ファイルが揃っていません（{1}）。評価の提案はしません。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="141" />
        <source>目標・評価の入力は市社協の職員が行います。</source>
        <translation>Targets and ratings are entered by city-office staff.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="166" />
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="166" />
        <source>集計元</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="167" />
        <source>支部</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="187" />
        <source>計算しています…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="234" />
        <source>　基準値 {0}</source>
        <translation>　Baseline {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="238" />
        <source>{0}　計画期間 {1}　{2}　担当 {3}</source>
        <translation>{0}　Plan period {1}　{2}　Dept. {3}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="239" />
        <source>実績を年度ごとに入力する指標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="248" />
        <source>{0} の推移（実績と目標）</source>
        <translation>{0} over time (results and targets)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="315" />
        <source>指標を書き出す</source>
        <translation>Export indicators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="316" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="325" />
        <source>{0} 件を書き出しました: {1}</source>
        <translation>{0} rows written: {1}</translation>
    </message>
</context>
<context>
    <name>InsurancePanel</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="40" />
        <source>すべて選ぶ</source>
        <translation>Select all</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="41" />
        <source>選択を外す</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="42" />
        <source>選んだ人を更新…</source>
        <translation>Renew selected…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="43" />
        <source>全員を更新…</source>
        <translation>Renew all…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="67" />
        <source>{0}のボランティア保険がまだの登録者: {1}人。加入を確かめた人を選んで更新してください。</source>
        <translation>Volunteers without insurance for {0}: {1}. Select those confirmed insured and renew.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="75" />
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="78" />
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="87" />
        <source>保険の更新</source>
        <translation>Insurance renewal</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="75" />
        <source>更新する人を選んでください</source>
        <translation>Select people to renew</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="79" />
        <source>{0}人の保険加入年度を{1}にします。よろしいですか？</source>
        <translation>Set the insurance year of {0} people to {1}?</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="14" />
        <source>コーディネーター</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="14" />
        <source>市社協職員</source>
        <translation>City-office staff</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="15" />
        <source>管理者</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="17" />
        <source>サインイン</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="17" />
        <source>サインイン失敗</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="18" />
        <source>サインアウト</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="18" />
        <source>ロック</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="19" />
        <source>ロック解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="19" />
        <source>ロック解除失敗</source>
        <translation>Failed unlock</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="20" />
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="20" />
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="21" />
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="21" />
        <source>閲覧</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="22" />
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="22" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="23" />
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="23" />
        <source>バックアップ</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="24" />
        <source>復元</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="24" />
        <source>受信</source>
        <translation type="unfinished">Received</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="25" />
        <source>採用</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="25" />
        <source>評価の上書き</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="26" />
        <source>上書きの取り消し</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="27" />
        <source>サインイン記録の改ざん検知</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="28" />
        <source>鍵の保護の更新</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="28" />
        <source>鍵の作り直し</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="29" />
        <source>暗号化</source>
        <translation type="unfinished">Encryption</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="32" />
        <source>アカウント</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="32" />
        <source>住民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="33" />
        <source>相談記録</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="33" />
        <source>見守り利用者</source>
        <translation>Watch-over user</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="34" />
        <source>見守り記録</source>
        <translation>Watch-over contact</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="34" />
        <source>ボランティア</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="35" />
        <source>活動記録</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="35" />
        <source>支部</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="36" />
        <source>自治会</source>
        <translation>Residents' association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="36" />
        <source>相談内容</source>
        <translation>Consultation subjects</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="37" />
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="37" />
        <source>データベース</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="38" />
        <source>監査ログ</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="38" />
        <source>集計</source>
        <translation>Tallies</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="39" />
        <source>活動グループ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="39" />
        <source>行事</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="40" />
        <source>集計の内訳</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="40" />
        <source>集計ファイル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="41" />
        <source>集約ファイル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="41" />
        <source>印刷台帳</source>
        <translation type="unfinished">Print register</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="42" />
        <source>安否確認</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="42" />
        <source>安否確認の記録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="43" />
        <source>活動内容</source>
        <translation>Volunteer roles</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="43" />
        <source>指標</source>
        <translation type="unfinished">Indicator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="44" />
        <source>計画期間</source>
        <translation type="unfinished">Plan period</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="44" />
        <source>指標の目標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="45" />
        <source>指標の実績</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="45" />
        <source>評価の記述</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="49" />
        <source>自動（30分ごと）</source>
        <translation>Automatic (every 30 min)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="49" />
        <source>終了時</source>
        <translation>On exit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="50" />
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="50" />
        <source>更新前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="51" />
        <source>取り込み前</source>
        <translation>Before import</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="51" />
        <source>復元前</source>
        <translation>Before restore</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="247" />
        <source>ロック中</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="62" />
        <source>画面をロックしました</source>
        <translation>The screen is locked</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="66" />
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="68" />
        <source>ロック解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="83" />
        <source>記録を守るため、内容を隠しています。続けるには、サインイン中のアカウント（{login}）のパスワードを入力してください。</source>
        <translation>The records are hidden to protect them. To continue, enter the password of the signed-in account ({login}).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="95" />
        <source>サインアウトする</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="110" />
        <source>パスワードを入力してください</source>
        <translation>Enter the password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="113" />
        <source>パスワードが違います</source>
        <translation>Wrong password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="109" />
        <source>サインイン: {who}</source>
        <translation>Signed in: {who}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="111" />
        <source>データベース: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="120" />
        <source>暗号化</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="120" />
        <source>暗号化なし</source>
        <translation>Not encrypted</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="123" />
        <source>データベースファイルは暗号化されています</source>
        <translation>The database file is encrypted</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="124" />
        <source>データベースファイルは暗号化されていません</source>
        <translation>The database file is not encrypted</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="145" />
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="146" />
        <source>今すぐバックアップ(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="147" />
        <source>バックアップから復元(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="155" />
        <source>画面をロック(&amp;L)</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="158" />
        <source>サインアウト(&amp;O)</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="161" />
        <source>終了(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="166" />
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="174" />
        <source>ツール(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="176" />
        <source>設定(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="182" />
        <source>監査ログ(&amp;A)</source>
        <translation>&amp;Audit trail</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="186" />
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="187" />
        <source>このアプリについて(&amp;A)</source>
        <translation>&amp;About this app</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="238" />
        <source>ロック中</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="272" />
        <source>バックアップしています…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="278" />
        <source>バックアップしました: {name}</source>
        <translation>Backed up: {name}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="283" />
        <source>バックアップできませんでした</source>
        <translation>The backup failed</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="296" />
        <source>バックアップから復元</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="297" />
        <source>{name} から復元します。いまのデータベースは別名で残します。復元のあと、もう一度サインインしてください。続けますか？</source>
        <translation>The database will be restored from {name}. The current database is kept under another name. Sign in again after the restore. Continue?</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="313" />
        <source>このアプリについて</source>
        <translation>About this app</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="314" />
        <source>コーディネーターアプリ {version}
社協支部コーディネーターのための記録・集計アプリ。
フォント: IPAexゴシック（IPAフォントライセンスv1.0）</source>
        <translation>Coordinator App {version}
Records and tallies for the coordinators of social welfare council branches.
Font: IPAexGothic (IPA Font License v1.0)</translation>
    </message>
</context>
<context>
    <name>MonthlyPage</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="71" />
        <source>全支部</source>
        <translation>All branches</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="77" />
        <source>CSVを書き出す…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="78" />
        <source>Excelを書き出す…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="106" />
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="109" />
        <source>支部</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="112" />
        <source>書き出す範囲</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="149" />
        <source>年度全体</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="151" />
        <source>{0}月</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="161" />
        <source>集計しています…</source>
        <translation>Tallying…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="173" />
        <source>{0} {1}: 記録から集計しました（表の数字は集計ファイルと同じです）</source>
        <translation>{0} {1}: tallied from records (same figures as the tally file)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="187" />
        <source>{0}（月別の合計）</source>
        <translation>{0} (monthly totals)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="187" />
        <source>{0}（各月末）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="197" />
        <source>個人の記録は支部のコーディネーターだけが見られます。市社協の職員は集計の数字だけを扱います。</source>
        <translation>Only branch coordinators see individual records. City-office staff handle tally figures only.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="202" />
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="226" />
        <source>集計ファイル (*.csv)</source>
        <translation>Tally files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="226" />
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="227" />
        <source>集計を書き出す</source>
        <translation>Export tallies</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="235" />
        <source>書き出しています…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="239" />
        <source>{0} 行を書き出しました: {1}</source>
        <translation>{0} rows written: {1}</translation>
    </message>
</context>
<context>
    <name>NamedPicker</name>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/pickers.py" line="89" />
        <source>{0}（ボランティア）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/pickers.py" line="102" />
        <source>「{0}」に当たる人はいません</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/pickers.py" line="104" />
        <source>「{0}」に当たる登録中のボランティアはいません</source>
        <translation type="unfinished">No registered volunteer matches “{0}”</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/pickers.py" line="125" />
        <source>{0} さんはもう一覧にあります</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/pickers.py" line="128" />
        <source>追加しました: {0}</source>
        <translation type="unfinished">Added: {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/pickers.py" line="146" />
        <source>一覧から選べる人がいません</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PdfWindow</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="48" />
        <source>印刷したPDF: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="50" />
        <source>このパソコンではPDFを開くアプリが見つからないため、ここに表示しています。紙に印刷するには「印刷…」を押してください。
ファイルの場所: {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="55" />
        <source>ページを表示しています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="64" />
        <source>印刷… (Ctrl+P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="69" />
        <source>保存先のフォルダーを開く</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="72" />
        <source>閉じる</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="94" />
        <source>全{n}ページ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="100" />
        <source>{n}ページ目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="121" />
        <source>PDFを表示できませんでした: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="137" />
        <source>プリンターに送っています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="149" />
        <source>プリンターを使えませんでした。プリンターの設定を確かめてください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/pdf_window.py" line="161" />
        <source>全{n}ページをプリンターに送りました</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PersonHistoryDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="47" />
        <source>%1さんの履歴</source>
        <translation>History of %1</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="68" />
        <source>生年月日 %1</source>
        <translation>Born %1</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="78" />
        <source>番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="79" />
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="80" />
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="81" />
        <location filename="../../coordinator_app/ui/person_history.py" line="111" />
        <source>方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="82" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="83" />
        <source>対応</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="84" />
        <source>フォロー</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="85" />
        <source>概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="88" />
        <source>相談記録（%1件）</source>
        <translation>Consultations (%1)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="95" />
        <source>見守り</source>
        <translation>Watch-over</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="98" />
        <source>見守りの利用登録はありません。</source>
        <translation>No watch-over registration.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="100" />
        <source>登録 %1</source>
        <translation>Registered %1</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="102" />
        <source>　終了 %1（%2）</source>
        <translation>　Ended %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="105" />
        <source>　利用中</source>
        <translation>　Active</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="107" />
        <source>　緊急連絡先: %1</source>
        <translation>　Emergency contact: %1</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="110" />
        <source>実施日</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="112" />
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="113" />
        <source>実施者</source>
        <translation>Done by</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="114" />
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="118" />
        <source>見守り活動（%1件）</source>
        <translation>Watch-over contacts (%1)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="52" />
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PersonalTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="27" />
        <source>表示言語</source>
        <translation>Language of the app</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="33" />
        <source>言語の変更は、次にアプリを起動したときに反映されます。</source>
        <translation>A new language applies the next time the app starts.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="37" />
        <source>言語</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="41" />
        <source>自分のパスワードを変更</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="47" />
        <source>パスワードを変更</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="51" />
        <source>現在のパスワード</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="52" />
        <source>新しいパスワード</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="53" />
        <source>新しいパスワード（確認）</source>
        <translation>New password (again)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="64" />
        <source>保存しました。次にアプリを起動したときに反映されます。</source>
        <translation>Saved. It applies the next time the app starts.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="68" />
        <source>確認のパスワードが一致しません</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="79" />
        <source>パスワードを変更しました。</source>
        <translation>The password was changed.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="80" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="99" />
        <source>すべての自治会</source>
        <translation>All associations</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="100" />
        <source>すべての活動</source>
        <translation>All roles</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="102" />
        <source>すべての協力員</source>
        <translation>All helpers</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="104" />
        <source>退会したボランティアも含める</source>
        <translation>Include withdrawn volunteers</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="109" />
        <source>全支部</source>
        <translation>All branches</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="114" />
        <source>ラベルの枠線を印刷する（普通紙での試し刷り）</source>
        <translation>Print label borders (test on plain paper)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="117" />
        <source>例: 東町自治会 会長（誰に渡すか）</source>
        <translation>e.g. Higashi-machi association chair (recipient)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="122" />
        <source>変更…(&amp;F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="133" />
        <source>グループなし（講座・行事など）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="137" />
        <source>空欄ならグループ名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="138" />
        <source>常連の方の名前を印刷する（個人情報）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="142" />
        <source>終了したグループも含める</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="147" />
        <source>一覧(&amp;L)</source>
        <translation>&amp;List</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="148" />
        <source>自治会(&amp;A)</source>
        <translation>&amp;Association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="149" />
        <source>活動内容(&amp;R)</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="150" />
        <source>協力員(&amp;C)</source>
        <translation>Help&amp;er</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="152" />
        <source>年度(&amp;Y)</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="153" />
        <source>月(&amp;M)</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="154" />
        <source>支部(&amp;B)</source>
        <translation>&amp;Branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="155" />
        <source>ラベル用紙(&amp;S)</source>
        <translation>Label &amp;sheet</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="156" />
        <source>宛先(&amp;T)</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="157" />
        <source>横の調整 mm（右へ＋）</source>
        <translation>Horizontal offset mm (+ right)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="158" />
        <source>縦の調整 mm（下へ＋）</source>
        <translation>Vertical offset mm (+ down)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="160" />
        <source>開催日(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="161" />
        <source>グループ(&amp;G)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="162" />
        <source>名称(&amp;E)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="164" />
        <source>記入用の空欄（行）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="166" />
        <source>印刷する列（相手に必要な列だけ）</source>
        <translation>Columns to print (only what the recipient needs)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="170" />
        <source>渡す相手(&amp;W)</source>
        <translation>&amp;Given to</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="171" />
        <source>部数(&amp;N)</source>
        <translation>&amp;Number of copies</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="175" />
        <source>保存先</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="182" />
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="394" />
        <source>プレビューを作成しています…</source>
        <translation>Creating preview…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="197" />
        <source>印刷してPDFを開く (Ctrl+P)</source>
        <translation>Print and open PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="198" />
        <source>プレビュー更新 (F5)</source>
        <translation>Refresh preview (F5)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="199" />
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="211" />
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="416" />
        <source>1ページ目のプレビュー</source>
        <translation>Preview of page 1</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="274" />
        <source>{fy}（年間）</source>
        <translation>{fy} (full year)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="276" />
        <source>{m}月</source>
        <translation>Month {m}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="313" />
        <source>この一覧には個人情報が含まれます。各ページに「取扱注意・個人情報を含みます」と控番号が印刷され、印刷台帳に記録されます。使用後は返却または細断してください。</source>
        <translation>This list contains personal data. Each page is printed with “Confidential — contains personal data” and a copy number, and logged in the print register. Return or shred it after use.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="368" />
        <source>印刷する列を1つ以上選んでください</source>
        <translation>Select at least one column to print</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="370" />
        <source>開催日: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="407" />
        <source>{title}・{pages}ページ</source>
        <translation>{title} · {pages} pages</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="410" />
        <source>・{n}名</source>
        <translation> · {n} people</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="412" />
        <source>（住所のない{n}名は除きました）</source>
        <translation>({n} without an address left out)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="415" />
        <source>1ページ目のプレビュー（見本。控番号は印刷するときに付きます）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="489" />
        <source>印刷したPDFの1ページ目（控番号 {numbers}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="491" />
        <source>印刷したPDFの1ページ目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="499" />
        <source>PDFの保存先</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="455" />
        <source>個人情報を含む一覧です。渡す相手（誰に渡すか）を入力してください</source>
        <translation>This list contains personal data. Enter the recipient</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="469" />
        <source>PDFを作成しています…</source>
        <translation>Creating PDF…</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="65" />
        <source>支部拠点一覧</source>
        <translation>Branch bases</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="66" />
        <source>ボランティア名簿</source>
        <translation>Volunteer roster</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="67" />
        <source>見守り電話確認リスト</source>
        <translation>Watch-over call list</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="68" />
        <source>協力員担当表</source>
        <translation>Helper assignments</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="69" />
        <source>災害時安否確認リスト</source>
        <translation>Disaster safety-check list</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="70" />
        <source>月報</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="71" />
        <source>宛名ラベル</source>
        <translation>Address labels</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="72" />
        <source>グループ一覧</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="73" />
        <source>出席簿</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="74" />
        <source>12面（2列×6段・86.4×42.3mm）</source>
        <translation>12 per sheet (2×6, 86.4×42.3mm)</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="75" />
        <source>24面（3列×8段・70×33.9mm）</source>
        <translation>24 per sheet (3×8, 70×33.9mm)</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="76" />
        <source>ボランティア</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="77" />
        <source>見守り利用者</source>
        <translation>Watch-over user</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="78" />
        <source>ボランティアと見守り利用者</source>
        <translation>Volunteers and watch-over users</translation>
    </message>
</context>
<context>
    <name>PrintRegister</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="62" />
        <source>印刷日時</source>
        <translation>Printed at</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="63" />
        <source>支部</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="64" />
        <source>一覧</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="65" />
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="67" />
        <source>渡した相手</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="68" />
        <source>控番号</source>
        <translation>Copy no.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="71" />
        <source>印刷した人</source>
        <translation>Printed by</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="74" />
        <source>返却・細断</source>
        <translation>Returned/shredded</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="77" />
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="79" />
        <source>（未記入）</source>
        <translation>(not entered)</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="80" />
        <source>未返却</source>
        <translation>Not returned</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="81" />
        <source>記録した人: {name}（ログイン名: {login}）</source>
        <translation>Recorded by {name} (login: {login})</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="82" />
        <source>{n}部</source>
        <translation>{n} copies</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="83" />
        <source>ログイン名: {login}</source>
        <translation>Login: {login}</translation>
    </message>
</context>
<context>
    <name>PrintingScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/screen.py" line="37" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/screen.py" line="39" />
        <source>個人情報を含む一覧には「取扱注意」と控番号が入り、印刷台帳に記録されます。必要な列だけを選び、使用後は返却または細断してください。</source>
        <translation>Lists with personal data carry “Confidential” and a copy number, and are logged in the print register. Select only the columns needed; return or shred after use.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="51" />
        <source>Drive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="52" />
        <source>%1 File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="53" />
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="54" />
        <source>File Folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="55" />
        <source>Folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="56" />
        <source>Alias</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="57" />
        <source>Shortcut</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="58" />
        <source>Unknown</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="48" />
        <source>&amp;Look in:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="49" />
        <source>Files of &amp;type:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="50" />
        <source>Confirm Save As</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="59" />
        <source>OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="60" />
        <source>&amp;OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="61" />
        <source>Don't Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="62" />
        <source>Close without Saving</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/records_dialog.py" line="36" />
        <source>{0} 件（取扱注意: 個人の記録です）</source>
        <translation>{0} (confidential: personal records)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/records_dialog.py" line="38" />
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="42" />
        <source>回復キー — コーディネーターアプリ</source>
        <translation>Recovery key — Coordinator App</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="44" />
        <source>データベースを暗号化しました。回復キーを保管してください</source>
        <translation>The database is encrypted. Keep the recovery key safe</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="49" />
        <source>すべてのパスワードを忘れたとき、データベースを開く方法はこの回復キーだけです。なくすと、だれもデータを取り戻せません（開発者にもできません）。</source>
        <translation>If all passwords are forgotten, this recovery key is the only way to open the database. If it is lost, nobody can recover the data (not even the developers).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="78" />
        <source>回復キーを印刷または書き写して、安全な場所に保管しました(&amp;S)</source>
        <translation>I printed or copied the recovery key and &amp;stored it safely</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="82" />
        <source>印刷(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="84" />
        <source>保管しました・続ける</source>
        <translation>Stored — continue</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="104" />
        <source>回復キーを印刷用PDFに保存</source>
        <translation>Save recovery key as PDF for printing</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="105" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="119" />
        <source>PDFを保存できませんでした: {e}</source>
        <translation>Could not save the PDF: {e}</translation>
    </message>
</context>
<context>
    <name>RecoveryResetDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="132" />
        <source>回復キーでパスワードを設定し直す</source>
        <translation>Reset password with recovery key</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="135" />
        <source>すべてのパスワードを忘れたときは、データベースを作ったときに保管した回復キーで、アカウントに新しいパスワードを設定できます。</source>
        <translation>If all passwords are forgotten, the recovery key kept when the database was created lets you set a new password for an account.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="149" />
        <source>回復キー(&amp;R)</source>
        <translation>&amp;Recovery key</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="150" />
        <source>ログイン名(&amp;L)</source>
        <translation>&amp;Login name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="151" />
        <source>新しいパスワード(&amp;P)</source>
        <translation>New &amp;password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="152" />
        <source>新しいパスワード（確認）(&amp;C)</source>
        <translation>&amp;Confirm new password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="158" />
        <source>新しいパスワードを設定</source>
        <translation>Set new password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="172" />
        <source>回復キーを入力してください</source>
        <translation>Enter the recovery key</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="174" />
        <source>ログイン名を入力してください</source>
        <translation>Enter a login name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="177" />
        <source>確認のパスワードが一致しません</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="122" />
        <source>未返却の控えだけ表示(&amp;O)</source>
        <translation>Show &amp;only copies not returned</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="124" />
        <source>返却・細断を記録… (Enter)</source>
        <translation>Record return/shredding… (Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="130" />
        <source>印刷台帳</source>
        <translation>Print register</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="160" />
        <source>{n}件（未返却 {out}件）</source>
        <translation>{n} ({out} not returned)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="169" />
        <source>記録する行を選んでください</source>
        <translation>Select a row to record</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="170" />
        <source>バックアップから復元</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="174" />
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="176" />
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="177" />
        <source>大きさ</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="178" />
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="185" />
        <source>選んだバックアップを検査してから、新しいファイルに復元します。いまのデータベースは削除せず、別名（…replaced-日時.db）で同じフォルダーに残します。復元のあと、もう一度サインインしてください。</source>
        <translation>The chosen backup is checked, then restored into a new file. The current database is not deleted: it stays in the same folder under another name (…replaced-date.db). Sign in again after the restore.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="189" />
        <source>ほかのファイルを選ぶ…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="192" />
        <source>復元する</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="203" />
        <source>バックアップファイルを選ぶ</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="204" />
        <source>データベース (*.db);;すべてのファイル (*)</source>
        <translation>Databases (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="212" />
        <source>バックアップを選んでください</source>
        <translation>Choose a backup</translation>
    </message>
</context>
<context>
    <name>RestoreOfferDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="230" />
        <source>データベースを開けません</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="233" />
        <source>データベースファイルが壊れています。</source>
        <translation>The database file is damaged.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="234" />
        <source>検査結果: {problem}</source>
        <translation>Check result: {problem}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="236" />
        <source>データベースファイルが見つからないか、空になっています。</source>
        <translation>The database file is missing or empty.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="237" />
        <source>バックアップが残っています。</source>
        <translation>Backups exist.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="242" />
        <source>最新の正常なバックアップ: {backup}
これを新しいファイルに復元して開きます。いまのファイルは削除せず、別名で残します。</source>
        <translation>Newest good backup: {backup}
It will be restored into a new file and opened. The current file is kept under another name.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="247" />
        <source>使える（検査に合格した）バックアップが見つかりません。管理者に連絡してください。ファイルはそのまま残してあります。</source>
        <translation>No usable (checked) backup was found. Contact your administrator. The file has been left as it is.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="253" />
        <source>バックアップから復元する</source>
        <translation>Restore from the backup</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="257" />
        <source>別のバックアップを選ぶ…</source>
        <translation>Choose another backup…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="262" />
        <source>新しいデータベースを作る</source>
        <translation>Create a new database</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="265" />
        <source>終了</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="284" />
        <source>新しいデータベース</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="285" />
        <source>空のデータベースを新しく作ります。バックアップは残りますが、いまある記録は表示されません。よろしいですか？</source>
        <translation>A new, empty database will be created. The backups stay, but the existing records will not be shown. Continue?</translation>
    </message>
</context>
<context>
    <name>RollcallPage</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="85" />
        <source>安否確認を開始</source>
        <translation>Start safety check</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="88" />
        <source>この安否確認を終了</source>
        <translation>End this safety check</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="90" />
        <source>対象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="94" />
        <source>記録</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="100" />
        <source>安否確認は始まっていません</source>
        <translation>No safety check in progress</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="133" />
        <source>未確認に戻す</source>
        <translation>Reset to unchecked</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="143" />
        <source>1 無事・2 要支援・3 連絡不能・0 未確認に戻す　↑↓で移動　F2でメモ</source>
        <translation>1 safe · 2 needs help · 3 unreachable · 0 unchecked　↑↓ move　F2 memo</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="153" />
        <source>支部全体</source>
        <translation>Whole branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="171" />
        <source>安否確認の開始</source>
        <translation>Start safety check</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="172" />
        <source>{scope}の見守り利用者全員の安否確認を始めます。よろしいですか？</source>
        <translation>Start a safety check of all watch-over users in {scope}?</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="201" />
        <source>この安否確認は終了しています（閲覧のみ）</source>
        <translation>This safety check has ended (read-only)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="206" />
        <source>終了</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="206" />
        <source>実施中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="212" />
        <source>{scope}　確認 {n} / {m}</source>
        <translation>{scope}　Checked {n} / {m}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="265" />
        <source>{name}: {status}（{time}）</source>
        <translation>{name}: {status} ({time})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="273" />
        <source>全員の確認が終わりました（{n}人）</source>
        <translation>Everyone checked ({n})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="289" />
        <source>安否確認の終了</source>
        <translation>End safety check</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="290" />
        <source>この安否確認を終了します。終了後は記録の変更ができません。よろしいですか？</source>
        <translation>End this safety check? Records cannot be changed afterwards.</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="39" />
        <source>{date} {time}（{reason}、{size:.1f} MB）</source>
        <translation>{date} {time} ({reason}, {size:.1f} MB)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="48" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="439" />
        <location filename="../../coordinator_app/ui/safety.py" line="49" />
        <source>お待ちください</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>SafetyTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="32" />
        <source>画面のロック</source>
        <translation>Screen lock</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="35" />
        <source> 分</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="37" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="39" />
        <source>操作がないまま次の時間が過ぎたら画面をロックする</source>
        <translation>Lock the screen after this long without input</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="45" />
        <source>バックアップ</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="47" />
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="49" />
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="50" />
        <source>大きさ</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="51" />
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="54" />
        <source>今すぐバックアップ</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="58" />
        <source>変更があれば、30分ごとと、操作が2分止まったときに自動でバックアップします（終了はバックアップを待ちません。その分は次に起動した少し後に取ります）。直近1日分はすべて、2週間までは1日1つ、1年までは1か月に1つを残します。復元は「ファイル」メニューの「バックアップから復元…」から行います。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="74" />
        <source>PostgreSQL のバックアップはサーバー側で行ってください。</source>
        <translation>Back up PostgreSQL on the server.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="87" />
        <source>ロックまでの時間を保存しました。</source>
        <translation>The lock time was saved.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="93" />
        <source>バックアップしています…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="100" />
        <source>バックアップしました: {name}</source>
        <translation>Backed up: {name}</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="42" />
        <source>ホーム</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="45" />
        <source>相談記録</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="48" />
        <source>見守り</source>
        <translation>Watch-over</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="50" />
        <source>ボランティア</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="53" />
        <source>行事・サロン</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="56" />
        <source>集計・指標</source>
        <translation>Tallies &amp; indicators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="58" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="60" />
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="101" />
        <location filename="../../coordinator_app/ui/screens.py" line="105" />
        <source>この画面は準備中です</source>
        <translation>This screen is not ready yet.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="111" />
        <source>この画面を開けませんでした。アプリを再起動しても直らない場合は、管理者に連絡してください。</source>
        <translation>This screen could not be opened. If restarting the app does not help, contact your administrator.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/common.py" line="38" />
        <source>保存できません</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="38" />
        <source>表示・パスワード</source>
        <translation>Display &amp; password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="38" />
        <source>ロック・バックアップ</source>
        <translation>Lock &amp; backups</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="39" />
        <source>アカウント</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="39" />
        <source>支部</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="40" />
        <source>自治会</source>
        <translation>Residents' association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="40" />
        <source>相談内容</source>
        <translation>Consultation subjects</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="41" />
        <source>活動内容</source>
        <translation>Volunteer roles</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="42" />
        <source>監査ログ</source>
        <translation>Audit trail</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="89" />
        <location filename="../../coordinator_app/ui/app.py" line="128" />
        <location filename="../../coordinator_app/ui/app.py" line="202" />
        <location filename="../../coordinator_app/ui/app.py" line="282" />
        <source>コーディネーターアプリ</source>
        <translation>Coordinator App</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="203" />
        <source>データベースが見つかりません:
{where}

ここに新しいデータベースを作成しますか？（場所の綴りが違うときは「いいえ」を選び、正しい場所を指定してください）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="286" />
        <source>新しい回復キーを保管してください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="307" />
        <source>データベースを暗号化しています…（検査のため時間がかかります）</source>
        <translation>Encrypting the database… (checking takes a while)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="309" />
        <source>暗号化できませんでした。データベースは元のままです: {reason}</source>
        <translation>Encryption failed. The database is unchanged: {reason}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="351" />
        <source>データベースを検査しています…</source>
        <translation>Checking the database…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="377" />
        <source>バックアップを検査して復元しています…</source>
        <translation>Checking and restoring the backup…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="381" />
        <source>復元できませんでした: {reason}</source>
        <translation>The restore failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="438" />
        <source>デモ用のデータベースを作成しています…</source>
        <translation>Creating the demo database…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="502" />
        <source>データベースファイルが壊れています（{problem}）。「ファイル」メニューの「バックアップから復元…」で復元してください。</source>
        <translation>The database file is damaged ({problem}). Restore it with File › Restore from backup….</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="518" />
        <source>暗号化されたデータベースを開けません。管理者に連絡してください（ファイルは変更していません）。</source>
        <translation>The encrypted database cannot be opened. Contact your administrator (the file has not been changed).</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="564" />
        <source>デモ用のデータベースを作成できませんでした。「終了」を押して、もう一度起動してください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="586" />
        <source>自動バックアップしました: {name}</source>
        <translation>Automatic backup made: {name}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="47" />
        <source>サインイン — コーディネーターアプリ</source>
        <translation>Sign in — Coordinator App</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="49" />
        <source>サインインしてください</source>
        <translation>Please sign in</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="51" />
        <source>データベース: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="62" />
        <source>ログイン名(&amp;L)</source>
        <translation>&amp;Login name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="63" />
        <source>パスワード(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="69" />
        <source>サインイン</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="71" />
        <source>終了</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="89" />
        <source>パスワードをすべて忘れた場合（復旧キー）…</source>
        <translation>Forgot all passwords (recovery key)…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="98" />
        <source>デモ専用アカウント（実際のデータベースにはありません）</source>
        <translation>Demo-only accounts (a real database never has them)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="101" />
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="102" />
        <source>ログイン名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="103" />
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="110" />
        <source>この内容で入力</source>
        <translation>Fill in</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="124" />
        <source>新しいパスワードを設定しました。そのパスワードでサインインしてください</source>
        <translation>New password set. Sign in with it</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="136" />
        <source>ログイン名を入力してください</source>
        <translation>Enter a login name</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="36" />
        <source>表示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="38" />
        <source>基準日(&amp;D)</source>
        <translation>As of &amp;date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="52" />
        <source>見守り利用登録者数</source>
        <translation>Registered watch-over users</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="54" />
        <source>見守り協力員登録者数</source>
        <translation>Registered helpers</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="56" />
        <source>協力員が未割当の利用者（現在の割当て）</source>
        <translation>Users without a helper (current assignments)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="71" />
        <source>自治会別の利用登録者数</source>
        <translation>Registered users by association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="82" />
        <source>基準日: {e}</source>
        <translation>As of: {e}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="86" />
        <source>{day} 現在</source>
        <translation>As of {day}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="87" />
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="88" />
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="89" />
        <source>{n}人</source>
        <translation>{n} people</translation>
    </message>
</context>
<context>
    <name>TagLineEdit</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/inputs.py" line="65" />
        <source>例: 運転、料理、傾聴（、で区切る）</source>
        <translation>e.g. driving, cooking, listening (separate with 、)</translation>
    </message>
</context>
<context>
    <name>Tallies</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/charts.py" line="202" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="371" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="401" />
        <source>実績</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/charts.py" line="203" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="369" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="398" />
        <source>目標</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/common.py" line="59" />
        <source>お知らせ</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/common.py" line="68" />
        <source>確認してください</source>
        <translation>Please check</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/common.py" line="75" />
        <source>確認</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/common.py" line="95" />
        <source>処理できませんでした（{0}）</source>
        <translation>Could not process ({0})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="76" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="101" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="142" />
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="95" />
        <source>内訳</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="97" />
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="100" />
        <source>年度末</source>
        <translation>Year end</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="163" />
        <source>ダブルクリック（Enter）で内訳の記録を表示</source>
        <translation>Double-click (Enter) to show the underlying records</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="174" />
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="175" />
        <source>名称</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="176" />
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="177" />
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="206" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="259" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="276" />
        <source>支部</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="208" />
        <source>最終受信</source>
        <translation>Last received</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="230" />
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="247" />
        <source>未報告: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="257" />
        <source>ファイル名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="258" />
        <source>受信日</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="260" />
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="261" />
        <source>受信者</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="263" />
        <source>ログイン名: {login}</source>
        <translation>Login: {login}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="277" />
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="278" />
        <source>ファイル数</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="279" />
        <source>現在の数字</source>
        <translation>Current figure</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="304" />
        <source>集計項目（合計）</source>
        <translation>Tally item (total)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="317" />
        <source>未報告</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="332" />
        <source>提案 {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="347" />
        <source>（未着あり）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="356" />
        <source>目標と実績からの提案: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="359" />
        <source>メモ: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="366" />
        <source>指標名</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="367" />
        <source>単位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="368" />
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="375" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="404" />
        <source>評価</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="403" />
        <source>提案</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="407" />
        <source>注記（シートの脚注）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="418" />
        <source>（入力）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="342" />
        <source>（途中）</source>
        <translation>(partial)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="397" />
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="424" />
        <source>数値（例: 80）または言葉（増加・減少・維持・設置 など）。空にすると目標を消します</source>
        <translation>A number (e.g. 80) or a word (increase, decrease, maintain, establish…). Empty clears the target</translation>
    </message>
</context>
<context>
    <name>TalliesScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/screen.py" line="27" />
        <source>集計・指標</source>
        <translation>Tallies &amp; indicators</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/screen.py" line="35" />
        <source>月次集計</source>
        <translation>Monthly tallies</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/screen.py" line="36" />
        <source>集約（市社協）</source>
        <translation>Consolidation (city office)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/screen.py" line="37" />
        <source>指標</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/screen.py" line="38" />
        <source>評価シート</source>
        <translation>Evaluation sheet</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="255" />
        <source>評価の基準</source>
        <translation>Rating criteria</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="267" />
        <source>A（着実に進捗している）: 目標の</source>
        <translation>A (steady progress): of target</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="268" />
        <source>B（ある程度進捗している）: 目標の</source>
        <translation>B (some progress): of target</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="269" />
        <source>これより下は C（進捗が順調でない）。少ないほどよい指標は逆の向きで判定します。</source>
        <translation>Below this is C (not on track). Indicators where less is better are judged the other way round.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="272" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="273" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="38" />
        <source>氏名・ふりがなで絞り込み</source>
        <translation>Filter by name or reading</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="39" />
        <source>終了した人も表示</source>
        <translation>Show ended too</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="40" />
        <source>新規登録（Ctrl+N）</source>
        <translation>Register (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="41" />
        <source>編集・履歴（Enter）</source>
        <translation>Edit / history (Enter)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="42" />
        <source>登録終了…</source>
        <translation>End registration…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="80" />
        <source>{n}人（登録中 {a}人）</source>
        <translation>{n} people ({a} active)</translation>
    </message>
</context>
<context>
    <name>VolunteerFormDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="47" />
        <source>ボランティア登録</source>
        <translation>Volunteer registration</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="48" />
        <source>ボランティア登録の編集</source>
        <translation>Edit volunteer</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="77" />
        <source>種別(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="80" />
        <source>氏名・団体名・ふりがなで検索</source>
        <translation>Search name, group or reading</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="87" />
        <source>氏名・団体名(&amp;N)</source>
        <translation>&amp;Name / group</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="92" />
        <source>氏名・団体名</source>
        <translation>Name / group</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="94" />
        <source>団体の連絡担当者の氏名</source>
        <translation>Name of the group's contact</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="97" />
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="98" />
        <source>連絡担当者</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="99" />
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="102" />
        <source>電話番号(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="104" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="107" />
        <source>自治会</source>
        <translation>Residents' association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="109" />
        <source>登録日(&amp;D)</source>
        <translation>&amp;Date registered</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="111" />
        <source>ボランティア保険</source>
        <translation>Volunteer insurance</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="118" />
        <source>活動内容（1つ以上）</source>
        <translation>Roles (one or more)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="123" />
        <source>活動できる曜日・時間帯</source>
        <translation>Available days and times</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="132" />
        <source>特技(&amp;S)</source>
        <translation>&amp;Skills</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="134" />
        <source>活動できる地域
（自分の自治会以外）</source>
        <translation>Available areas
(besides own association)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="141" />
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="142" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="168" />
        <source>未加入</source>
        <translation>Not insured</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="178" />
        <source>新しく登録</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="179" />
        <source>未選択</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="234" />
        <source>登録日: </source>
        <translation>Registered: </translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="261" />
        <source>保存できませんでした: </source>
        <translation>Could not save: </translation>
    </message>
</context>
<context>
    <name>VolunteerPageDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="63" />
        <source>編集 (Ctrl+E)</source>
        <translation>Edit (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="65" />
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="94" />
        <source>ボランティア: </source>
        <translation>Volunteer: </translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="98" />
        <source>登録中（登録日 {0}）</source>
        <translation>Active (registered {0})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="99" />
        <source>退会を登録…</source>
        <translation>Record withdrawal…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="101" />
        <source>退会 {0}</source>
        <translation>Withdrawn {0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="103" />
        <source>退会を取り消す…</source>
        <translation>Cancel withdrawal…</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="107" />
        <source>活動内容</source>
        <translation>Volunteer roles</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="108" />
        <source>特技</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="109" />
        <source>活動できる日時</source>
        <translation>Available times</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="110" />
        <source>活動できる地域</source>
        <translation>Available areas</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="111" />
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="112" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="113" />
        <source>自治会</source>
        <translation>Residents' association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="116" />
        <source>連絡担当者</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="117" />
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="118" />
        <source>登録日</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="119" />
        <source>ボランティア保険</source>
        <translation>Volunteer insurance</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="126" />
        <source>見守りの担当（{0}人）</source>
        <translation>Watch-over assignments ({0})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="129" />
        <source>活動記録（{0}回、{1}）</source>
        <translation>Activities ({0}, {1})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="146" />
        <source>退会の取り消し</source>
        <translation>Cancel withdrawal</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="147" />
        <source>{0} さんの退会を取り消して、登録中に戻します。よろしいですか？</source>
        <translation>Cancel the withdrawal of {0} and make them active again?</translation>
    </message>
</context>
<context>
    <name>VolunteerSearchPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="64" />
        <source>氏名・ふりがな（ひらがな・カタカナどちらでも）</source>
        <translation>Name or reading (hiragana or katakana)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="69" />
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="71" />
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="75" />
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="80" />
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="137" />
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="143" />
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="73" />
        <source>{0}曜</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="86" />
        <source>条件をクリア</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="90" />
        <source>検索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="90" />
        <source>活動内容(&amp;R)</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="91" />
        <source>特技</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="91" />
        <source>曜日(&amp;W)</source>
        <translation>&amp;Weekday</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="92" />
        <source>時間帯(&amp;T)</source>
        <translation>&amp;Time of day</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="92" />
        <source>地域(&amp;A)</source>
        <translation>&amp;Area</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="93" />
        <source>保険</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="93" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="166" />
        <source>{0}人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="168" />
        <source>（先頭{0}人を表示。条件を絞ってください）</source>
        <translation>(first {0} shown; narrow the search)</translation>
    </message>
</context>
<context>
    <name>VolunteerTables</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="54" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="143" />
        <source>氏名・団体名</source>
        <translation>Name / group</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="55" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="144" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="187" />
        <source>ふりがな</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="56" />
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="58" />
        <source>活動内容</source>
        <translation>Volunteer roles</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="60" />
        <source>特技</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="61" />
        <source>活動できる日時</source>
        <translation>Available times</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="63" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="188" />
        <source>自治会</source>
        <translation>Residents' association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="64" />
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="65" />
        <source>保険</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="68" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="189" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="122" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="198" />
        <source>活動日</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="124" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="200" />
        <source>活動名</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="125" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="201" />
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="127" />
        <source>参加者数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="145" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="203" />
        <source>時間</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="186" />
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="210" />
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="84" />
        <source>未加入</source>
        <translation>Not insured</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="94" />
        <source>個人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="95" />
        <source>団体</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="87" />
        <source>行事・イベント</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="88" />
        <source>サロン</source>
        <translation>Salon</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="89" />
        <source>送迎・外出支援</source>
        <translation>Transport / outing support</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="90" />
        <source>見守り訪問</source>
        <translation>Watch-over visits</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="91" />
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="85" />
        <source>登録中</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="92" />
        <source>利用中</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="93" />
        <source>終了</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="86" />
        <source>退会</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>VolunteersScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="35" />
        <source>ボランティア</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="38" />
        <source>新規登録 (Ctrl+N)</source>
        <translation>Register (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="50" />
        <source>検索・登録者一覧</source>
        <translation>Search / roster</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="51" />
        <source>活動記録</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="52" />
        <source>保険の更新</source>
        <translation>Insurance renewal</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="70" />
        <source>登録中 {0}人　保険未更新 {1}人</source>
        <translation>Active {0}　Insurance not renewed {1}</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="71" />
        <source>保険の更新（{0}）</source>
        <translation>Insurance renewal ({0})</translation>
    </message>
</context>
<context>
    <name>WatchModels</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="74" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="259" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="77" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="117" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="167" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="261" />
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="78" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="118" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="169" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="189" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="262" />
        <source>ふりがな</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="79" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="119" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="170" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="190" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="244" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="264" />
        <source>自治会</source>
        <translation>Residents' association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="80" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="120" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="171" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="263" />
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="81" />
        <source>最終連絡</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="82" />
        <source>経過日数</source>
        <translation>Days since</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="84" />
        <source>今月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="86" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="122" />
        <source>頻度</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="87" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="128" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="188" />
        <source>協力員</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="121" />
        <source>見守りの方法</source>
        <translation>Watch-over method</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="123" />
        <source>登録日</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="125" />
        <source>終了日</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="126" />
        <source>終了理由</source>
        <translation>End reason</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="143" />
        <source>実施日</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="145" />
        <source>方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="147" />
        <source>実施者</source>
        <translation>Done by</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="148" />
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="151" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="268" />
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="152" />
        <source>相談</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="172" />
        <source>担当人数</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="174" />
        <source>担当の利用者</source>
        <translation>Assigned users</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="245" />
        <source>利用登録者数</source>
        <translation>Registered users</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="265" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="266" />
        <source>緊急連絡先</source>
        <translation>Emergency contact</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="267" />
        <source>確認時刻</source>
        <translation>Checked at</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="97" />
        <source>担当が割り当てられていますが、ボランティア登録に見守り協力員の役割がありません</source>
        <translation>Assigned, but the volunteer registration lacks the watch-over helper role</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="98" />
        <source>{n}日ごと</source>
        <translation>Every {n} days</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="96" />
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="110" />
        <source>未割当</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="99" />
        <source>異変対応中</source>
        <translation>Concern open</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="100" />
        <source>2回続けて不在</source>
        <translation>Absent twice</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="101" />
        <source>期限超過</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="102" />
        <source>今月未連絡</source>
        <translation>Not reached this month</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="103" />
        <source>今月連絡済み</source>
        <translation>Reached this month</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="104" />
        <source>協力員未割当</source>
        <translation>No helper</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="106" />
        <source>未確認</source>
        <translation>Unchecked</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="107" />
        <source>無事</source>
        <translation>Safe</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="108" />
        <source>要支援</source>
        <translation>Needs help</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="109" />
        <source>連絡不能</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="112" />
        <source>{n}日</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="113" />
        <source>{n}回</source>
        <translation>{n} times</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="111" />
        <source>相談あり</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="105" />
        <source>{name} ※役割なし</source>
        <translation>{name} ※no role</translation>
    </message>
    <message>
        <location filename="_helper_strings.py" line="114" />
        <source>{n}人</source>
        <translation>{n} people</translation>
    </message>
</context>
<context>
    <name>WatchScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="39" />
        <source>見守り</source>
        <translation>Watch-over</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="47" />
        <source>今月の見守り</source>
        <translation>This month's watch-over</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="48" />
        <source>利用登録者</source>
        <translation>Registered users</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="49" />
        <source>協力員</source>
        <translation>Helper</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="50" />
        <source>災害時安否確認</source>
        <translation>Disaster safety check</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="51" />
        <source>登録者数</source>
        <translation>Registered</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../coordinator_app/ui/widgets.py" line="30" />
        <source>保存: Ctrl+Enter または Ctrl+S</source>
        <translation>Save: Ctrl+Enter or Ctrl+S</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="32" />
        <source>退会の登録</source>
        <translation>Record withdrawal</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="38" />
        <source>選ぶか入力</source>
        <translation>Choose or type</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="40" />
        <source>{name} さんの退会を登録します。</source>
        <translation>Record the withdrawal of {name}.</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="41" />
        <source>退会日(&amp;D)</source>
        <translation>Withdrawal &amp;date</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="42" />
        <source>退会理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="45" />
        <source>退会を登録 (Ctrl+S)</source>
        <translation>Record withdrawal (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="46" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="63" />
        <source>退会日: </source>
        <translation>Withdrawal date: </translation>
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="87" />
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="159" />
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="167" />
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="91" />
        <source>更新（F5）</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="92" />
        <source>新規登録（Ctrl+N）</source>
        <translation>Register (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="94" />
        <source>月(&amp;T)</source>
        <translation>Mon&amp;th</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="94" />
        <source>自治会(&amp;A)</source>
        <translation>&amp;Association</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="95" />
        <source>協力員(&amp;K)</source>
        <translation>Help&amp;ers</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="96" />
        <source>表示(&amp;S)</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="239" />
        <source>{m}（{d}現在）</source>
        <translation>{m} (as of {d})</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="241" />
        <source>対象</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="242" />
        <source>連絡済み</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="243" />
        <source>未連絡</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="244" />
        <source>期限超過</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="245" />
        <source>2回続けて不在</source>
        <translation>Absent twice</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="246" />
        <source>異変対応中</source>
        <translation>Concern open</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="247" />
        <source>協力員未割当</source>
        <translation>No helper</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="284" />
        <source>　一覧の最後です</source>
        <translation>　End of list</translation>
    </message>
</context>
<context>
    <name>_ChoiceFrame</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/choice.py" line="53" />
        <source>キー %1 で選択</source>
        <translation>Key %1 selects</translation>
    </message>
</context>
</TS>