<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP" sourcelanguage="ja_JP">
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="35" />
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="52" />
        <source>ログイン名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="36" />
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="53" />
        <source>表示名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="37" />
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="54" />
        <source>役割</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="38" />
        <source>支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="39" />
        <source>状態</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="50" />
        <source>{n}文字以上</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="55" />
        <source>支部（コーディネーター）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="56" />
        <source>パスワード（新規・再設定）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="57" />
        <source>新規</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="58" />
        <source>保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="59" />
        <source>パスワードを再設定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="60" />
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="130" />
        <source>無効にする</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="65" />
        <source>コーディネーターは一つの支部の記録だけを見られます。市社協職員は集計と指標だけ、管理者は設定だけを扱います。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="68" />
        <source>このデータベースは暗号化されています。市社協職員のアカウントでは開けません（集計は支部から届く集計ファイルで行います）。アカウントを無効にしたりパスワードを変えたりすると鍵を作り直し、それまでの鍵ファイルでは開けなくなります。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="90" />
        <source>有効</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="90" />
        <source>無効</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="92" />
        <source>・ロック中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="94" />
        <source>（デモ専用）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="130" />
        <source>有効にする</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="170" />
        <source>パスワード</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="171" />
        <source>{login} のパスワードを再設定しました。本人に伝え、変更してもらってください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="183" />
        <source>アカウントを無効にする</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="184" />
        <source>{login} はサインインできなくなります。よろしいですか？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/accounts_tab.py" line="193" />
        <source>アカウント</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="73" />
        <source> 時間</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="74" />
        <source>記録しない</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="88" />
        <source>氏名・ふりがなを入れて Enter で追加</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="77" />
        <source>活動日(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="78" />
        <source>活動名(&amp;T)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="79" />
        <source>種類(&amp;K)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="80" />
        <source>1人あたりの時間</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="81" />
        <source>メモ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="102" />
        <source>参加者を追加(&amp;A)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="110" />
        <source>保存 (Ctrl+S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="111" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="124" />
        <source>参加者 {0}人（時間はダブルクリックで変更、Delete で外す）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="134" />
        <source>「{0}」に当たる登録中のボランティアはいません</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="139" />
        <source>追加しました: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="140" />
        <source>（ほかに {0}人該当）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="143" />
        <source>{0} さんはもう追加されています</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activity_form.py" line="160" />
        <source>活動日: </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ActivityPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="41" />
        <source>活動記録を入力 (Ctrl+R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="46" />
        <source>削除…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="61" />
        <source>年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="80" />
        <source>{0} ボランティア活動参加者数: {1}人（活動 {2}件）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="105" />
        <source>活動記録の削除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="106" />
        <source>{0} の「{1}」（参加者 {2}人）を削除します。元に戻せません。よろしいですか？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/activities.py" line="113" />
        <source>削除</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AreasTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="29" />
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="34" />
        <source>自治会名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="30" />
        <source>登録人数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="35" />
        <source>追加</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="36" />
        <source>名前を変更</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="37" />
        <source>削除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="39" />
        <source>支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="88" />
        <source>自治会を削除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/areas_tab.py" line="89" />
        <source>「{name}」を削除します。よろしいですか？</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="42" />
        <source>日時</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="45" />
        <source>利用者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="48" />
        <source>操作</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="49" />
        <source>対象</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="51" />
        <source>ID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="53" />
        <source>詳細</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="4" />
        <source>ログイン名: {login}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="72" />
        <source>表示</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="73" />
        <source>CSVに書き出す…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="76" />
        <source>期間</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="77" />
        <source>利用者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="77" />
        <source>操作</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="89" />
        <source>監査ログには、誰が・いつ・何を・どの記録に行ったかだけを残し、氏名や相談内容は記録しません。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="106" />
        <location filename="../../coordinator_app/ui/audit_view.py" line="113" />
        <source>すべて</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="110" />
        <source>ログイン名: {login}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="124" />
        <source>読み込んでいます…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="131" />
        <source>{n}件（新しい順、最大2000件を表示）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="144" />
        <source>監査ログを書き出す</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="145" />
        <source>CSV ファイル (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="157" />
        <source>{n}件を書き出しました: {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="162" />
        <source>書き出せませんでした</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/audit_view.py" line="163" />
        <source>監査ログを書き出せませんでした: {reason}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="_helper_strings.py" line="5" />
        <source>アプリ（サインイン前）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="6" />
        <source>コマンドライン</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="7" />
        <source>デモデータの作成</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="8" />
        <source>全支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="9" />
        <source>手動</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="10" />
        <source>一定時間操作がなかったため</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="11" />
        <source>登録のないログイン名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="12" />
        <source>ロック中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="13" />
        <source>パスワードの変更</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="14" />
        <source>パスワードの再設定（管理者）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="15" />
        <source>回復キーによるパスワードの再設定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="16" />
        <source>有効にした</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="17" />
        <source>無効にした</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="18" />
        <source>退会</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="19" />
        <source>再登録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="20" />
        <source>終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="21" />
        <source>フォロー終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="22" />
        <source>見守りの異変を紐づけ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="23" />
        <source>完了</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="29" />
        <source>データベース全体</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="30" />
        <source>{y}年{m}月</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="31" />
        <source>役割: {r}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="32" />
        <source>{n}項目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="33" />
        <source>{v}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="34" />
        <source>{v}部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="35" />
        <source>{v}枚</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="36" />
        <source>協力員{v}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="37" />
        <source>{v}日ごと</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="38" />
        <source>新規{v}件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="39" />
        <source>更新{v}件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="40" />
        <source>削除{v}件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="41" />
        <source>{v}行</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="64" />
        <source>{branch}の分</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BranchesTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="27" />
        <source>コード</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="28" />
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="37" />
        <source>支部名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="29" />
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="38" />
        <source>拠点名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="30" />
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="38" />
        <source>住所</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="31" />
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="39" />
        <source>電話番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="37" />
        <source>支部コード</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="41" />
        <source>新規</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/branches_tab.py" line="42" />
        <source>保存</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CloseFollowUpDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="40" />
        <source>フォローの完了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="45" />
        <source>フォローの結果（例: 包括が訪問し、サービス開始）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="50" />
        <source>%3　受付 %1　%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="52" />
        <source>（匿名）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="54" />
        <source>完了日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="55" />
        <source>結果 *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="56" />
        <source>完了にする (Ctrl+Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="57" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="77" />
        <source>フォローの結果を入力してください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="100" />
        <source>完了にできませんでした</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CodeListTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="53" />
        <source>記録数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="54" />
        <source>半角英小文字（例: food）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="55" />
        <source>入力画面に表示する</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="57" />
        <source>登録数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="58" />
        <source>半角英小文字（例: shopping）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="59" />
        <source>登録・検索の画面に表示する</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="68" />
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="82" />
        <source>コード</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="69" />
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="83" />
        <source>表示名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="70" />
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="84" />
        <source>順番</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="71" />
        <source>使用中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="71" />
        <source>はい</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="71" />
        <source>いいえ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="86" />
        <source>新規</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/code_list_tab.py" line="87" />
        <source>保存</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConcernDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="35" />
        <source>異変あり — 相談記録を作成</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="37" />
        <source>{name} さんの異変を相談記録にして、要フォローに載せます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="41" />
        <source>例: 新聞がたまっている、足を痛めている</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="51" />
        <source>新しい相談として記録する</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="54" />
        <source>既存の相談に紐づける: {number} {day} {summary}（フォロー {follow}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="60" />
        <source>気づいたこと(&amp;N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="61" />
        <source>相談内容(&amp;C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="62" />
        <source>フォロー日(&amp;F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="63" />
        <source>対応(&amp;R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="64" />
        <source>紐づけ(&amp;L)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="66" />
        <source>相談記録を作成して保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="67" />
        <source>戻る</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="88" />
        <source>気づいたことを入力してください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/concern_dialog.py" line="92" />
        <source>フォロー日: {e}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="37" />
        <source>食い違いを解決する</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="40" />
        <source>同じ支部・同じ月について、数字の違う集計ファイルが届いています。どちらのファイルの数字を使うか選んでください。選ぶまでは、先に届いたファイルの数字のままです。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="60" />
        <source>このファイルの数字を使う</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="62" />
        <source>すべて新しく届いたファイルの数字を使う</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="64" />
        <source>閉じる（あとで決める）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="69" />
        <source>使うファイル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/conflict_dialog.py" line="129" />
        <source>{0} 件を決めました</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConsolidationPage</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="61" />
        <source>集計ファイルを読み込む…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="63" />
        <source>食い違いを解決…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="65" />
        <source>集約ファイルを書き出す…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="67" />
        <source>選んだファイルを取り消す</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="73" />
        <source>支部から届いた集計ファイル（CSV）をここにドラッグ＆ドロップできます</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="80" />
        <source>受信</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="80" />
        <source>食い違い</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="81" />
        <source>選択済</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="81" />
        <source>暫定（月の途中で受信）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="82" />
        <source>未着</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="82" />
        <source>— 月が終わっていない</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="83" />
        <source>　※ 未報告の項目あり（その項目ができる前の形式のファイル。0 とは数えません）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="108" />
        <source>年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="120" />
        <source>受信したファイル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="162" />
        <source>{0}: {1} 支部中 {2} 支部から受信・未着の月 {3}・食い違い {4} 件（未解決）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="167" />
        <source>・一部の項目が未報告の月 {0}（※）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="173" />
        <source>集計ファイルを選ぶ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="174" />
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="270" />
        <source>集計ファイル (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="195" />
        <source>読み込んでいます…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="204" />
        <source>{0} ファイルを受信しました。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="206" />
        <source>同じ内容のファイルは受信済みです: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="209" />
        <source>次のファイルは契約の形式と違うため受け付けませんでした（何も変更していません）:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="212" />
        <source>{0} 件の食い違いがあります。どちらの数字を使うか選んでください。選ぶまでは先に届いた数字のままです。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="252" />
        <source>取り消すファイルを一覧から選んでください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="262" />
        <source>「{0}」の受信を取り消します。このファイルの数字は集約から外れます。よろしいですか。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="268" />
        <source>集約ファイルを書き出す</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="279" />
        <source>未解決の食い違いは先に届いた数字で書き出します。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/consolidation.py" line="283" />
        <source>{0} 行を書き出しました: {1}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConsultationDetailPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="30" />
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="82" />
        <source>記録を選ぶと、ここに内容が表示されます</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="36" />
        <source>受付</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="36" />
        <source>区分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="37" />
        <source>受付方法</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="37" />
        <source>相談者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="38" />
        <source>相談内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="38" />
        <source>対応</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="39" />
        <source>緊急対応</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="40" />
        <source>つなぎ先</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="40" />
        <source>氏名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="41" />
        <source>内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="41" />
        <source>フォロー</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="42" />
        <source>受付者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="48" />
        <source>編集 (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="49" />
        <source>削除 (Delete)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="50" />
        <source>この人の履歴 (Ctrl+H)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="86" />
        <source>相談記録 %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="94" />
        <source>（%1 完了: %2）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/detail.py" line="96" />
        <source>（匿名）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="68" />
        <source>相談記録の編集</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="68" />
        <source>相談記録の入力</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="83" />
        <source>行った対応（例: 救急要請、家族へ連絡）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="86" />
        <source>例: 地域包括支援センター</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="94" />
        <source>相談の内容、聞き取ったこと、対応したこと</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="96" />
        <source>保存 (Ctrl+Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="97" />
        <source>キャンセル (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="117" />
        <source>支部: %1　　受付者: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="125" />
        <source>時刻</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="131" />
        <source>受付日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="132" />
        <source>区分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="133" />
        <source>受付方法</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="134" />
        <source>相談者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="135" />
        <source>相談内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="136" />
        <source>対応</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="137" />
        <source>緊急対応の内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="139" />
        <source>つなぎ先</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="141" />
        <source>氏名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="142" />
        <source>内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="143" />
        <source>フォロー日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="149" />
        <source>* は必須。数字キーで選択、Tab で次の項目へ、Ctrl+Enter または Ctrl+S で保存。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="311" />
        <source>保存できませんでした</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="320" />
        <source>入力の破棄</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/form.py" line="321" />
        <source>入力した内容は保存されていません。破棄して閉じますか？</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConsultationListModel</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="74" />
        <source>完了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="75" />
        <source>要フォロー</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="76" />
        <source>予定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="100" />
        <source>番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="101" />
        <source>日付</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="105" />
        <source>区分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="107" />
        <source>方法</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="109" />
        <source>相談者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="111" />
        <source>内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="113" />
        <source>対応</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="115" />
        <source>氏名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="118" />
        <source>フォロー</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/list_model.py" line="116" />
        <source>（匿名）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConsultationsScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="62" />
        <source>新しい記録 (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="64" />
        <source>検索: 内容・氏名・ふりがな（Ctrl+F）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="66" />
        <source>削除した記録…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="68" />
        <source>すべての期間</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="68" />
        <source>今月</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="69" />
        <source>先月</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="70" />
        <source>今年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="71" />
        <source>期間指定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="76" />
        <source>すべての区分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="77" />
        <source>すべての相談内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="79" />
        <source>すべての対応</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="80" />
        <source>フォロー: すべて</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="81" />
        <source>条件をクリア</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="94" />
        <source>元に戻す (Ctrl+Z)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="148" />
        <source>相談記録一覧</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="149" />
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="269" />
        <source>要フォロー</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="263" />
        <source>検索しています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="265" />
        <source>%1件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="269" />
        <source>要フォロー (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="276" />
        <source>要フォロー %1件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="349" />
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="429" />
        <source>開けませんでした</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="372" />
        <source>この相談記録を削除しますか？
削除した記録は集計から外れます。この画面を閉じるまでは Ctrl+Z で元に戻せます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/screen.py" line="415" />
        <source>できませんでした</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="131" />
        <source>見守りの記録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="133" />
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="207" />
        <source>一覧から利用者を選んでください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="143" />
        <source>職員</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="152" />
        <source>メモ（任意）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="153" />
        <source>記録して次へ（Enter）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="162" />
        <source>実施日(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="163" />
        <source>方法(&amp;M)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="164" />
        <source>実施者(&amp;W)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="167" />
        <source>結果</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="168" />
        <source>メモ(&amp;O)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="211" />
        <source>最終連絡: {day} {result}（{days}日前）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="214" />
        <source>最終連絡: なし</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="216" />
        <source>電話: {phone}　自治会: {area}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="218" />
        <source>見守りの方法: {m}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="220" />
        <source>状態: {s}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="223" />
        <source>協力員が未割当です</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="229" />
        <source>ほかの協力員を追加…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="239" />
        <source>協力員 {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="290" />
        <source>実施日: {e}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="292" />
        <source>結果を 1 異常なし・2 不在・3 異変あり から選んでください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="326" />
        <source>記録しました: {name} {result}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/contact_panel.py" line="328" />
        <source>（相談記録を要フォローに追加）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConvertOfferDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="204" />
        <source>データベースの暗号化 — コーディネーターアプリ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="206" />
        <source>このデータベースは暗号化されていません</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="224" />
        <source>{login} のパスワード(&amp;P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="226" />
        <source>これまでのバックアップは暗号化せずに削除する（上書きしてから削除。元に戻せません）(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="234" />
        <source>暗号化する</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="235" />
        <source>今はしない</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="255" />
        <source>パスワードを入力してください</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/cooperators_page.py" line="63" />
        <source>この協力員の担当で今月の見守りを開く</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/cooperators_page.py" line="88" />
        <source>見守り協力員 {n}人　協力員が未割当の利用者: &lt;b style='color:{c}'&gt;{u}人&lt;/b&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/cooperators_page.py" line="92" />
        <source>　&lt;span style='color:#b00020'&gt;※役割なしの担当者 {m}人（ボランティア登録で見守り協力員にしてください）&lt;/span&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/cooperators_page.py" line="116" />
        <source>{name}（{kana}）さんの担当: {n}人　電話 {phone}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeletedConsultationsDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="95" />
        <source>削除した相談記録</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="36" />
        <source>受付日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="37" />
        <source>区分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="38" />
        <source>削除日時</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="39" />
        <source>削除した人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="48" />
        <source>復元する</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="55" />
        <source>削除された相談記録は集計に含まれません。復元すると元に戻ります。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="67" />
        <source>%1件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="85" />
        <source>復元しました</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/deleted.py" line="89" />
        <source>復元できませんでした</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DisposalDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="41" />
        <source>返却・細断の記録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="42" />
        <source>返却された(&amp;R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="43" />
        <source>細断した(&amp;S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="49" />
        <source>例: 2部とも返却、支部で細断</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="50" />
        <source>{title}（控番号 {copies}、{recipient}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="52" />
        <source>渡した相手の記入なし</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="60" />
        <source>どうなったか</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="61" />
        <source>日付(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="62" />
        <source>メモ(&amp;M)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="66" />
        <source>記録する (Ctrl+S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="67" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="84" />
        <source>日付: </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="289" />
        <source>個人情報を含むファイル</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="31" />
        <source>見守り登録の終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="32" />
        <source>{name} さんの見守り登録を終了します。今月の見守りから外れますが、これまでの記録は残ります。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="38" />
        <source>（選んでください）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="44" />
        <source>終了日(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="45" />
        <source>終了理由(&amp;R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="47" />
        <source>登録を終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="48" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="61" />
        <source>終了日: {e}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/end_dialog.py" line="64" />
        <source>終了理由を選んでください</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="56" />
        <source>見守り利用者の編集</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="56" />
        <source>見守り利用者の登録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="84" />
        <source>例: 長女 見本 花子 048-000-0000</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="96" />
        <source>{label}（{days}日）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="115" />
        <source>郵送物（かわらばん等）の送付に同意している</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="126" />
        <source>利用者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="128" />
        <source>利用者(&amp;P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="129" />
        <source>電話(&amp;T)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="130" />
        <source>住所(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="131" />
        <source>自治会(&amp;A)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="132" />
        <source>緊急連絡先(&amp;E)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="133" />
        <source>見守りの方法</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="134" />
        <source>頻度(&amp;F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="135" />
        <source>登録日(&amp;R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="141" />
        <source>協力員(&amp;K)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="143" />
        <source>メモ(&amp;O)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="144" />
        <source>郵送</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="146" />
        <source>保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="147" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="155" />
        <source>見守りの履歴</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="189" />
        <source>{n}日ごと</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="203" />
        <source>{day} に登録を終了しています（{reason}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="218" />
        <source>（通常は2人1組）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="219" />
        <source>{n}人を選択{hint}　Spaceで選択/解除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/enrol_dialog.py" line="236" />
        <source>登録日: {e}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="71" />
        <source>保存 (Ctrl+S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="73" />
        <source>評価シートをPDFに…</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="110" />
        <source>事業の概要</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="114" />
        <source>目標・実績</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="134" />
        <source>計画</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="136" />
        <source>計画名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="138" />
        <source>期間</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="142" />
        <source>記録で数える最初の年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="153" />
        <source>年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="156" />
        <source>指標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="158" />
        <source>集計元</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="232" />
        <source>{0}・{1} の評価シート</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="258" />
        <source>保存しました</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="273" />
        <source>計画を保存しました</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="281" />
        <source>評価シートを書き出す</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="282" />
        <source>PDF (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="289" />
        <source>PDFを作っています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/evaluation_page.py" line="296" />
        <source>{0} ページのPDFを書き出しました: {1}</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="130" />
        <source>名称</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="131" />
        <source>自治会</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="354" />
        <source>入力した内容は保存されていません。破棄して閉じますか？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/event_form.py" line="366" />
        <source>保存できませんでした</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="76" />
        <source>削除…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="80" />
        <source>月</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="80" />
        <source>種別</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="81" />
        <source>グループ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="112" />
        <source>すべて</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="43" />
        <source>このデータベースにはまだアカウントがありません。最初に、アカウントや支部を管理する「管理者」を作成してください。コーディネーターや市社協職員のアカウントは、あとで管理者が「設定」で作成します。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="58" />
        <source>ログイン名(&amp;L)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="59" />
        <source>表示名(&amp;N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="60" />
        <source>パスワード(&amp;P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="61" />
        <source>パスワード（確認）(&amp;C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="64" />
        <source>パスワードは{n}文字以上。データベースはこのパスワードで暗号化されます。作成のあと、すべてのパスワードを忘れたときのための「回復キー」を一度だけ表示します。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="68" />
        <source>パスワードは{n}文字以上。忘れると復旧できないので、安全な場所に控えてください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="78" />
        <source>管理者を作成して始める</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="80" />
        <source>終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="95" />
        <source>ログイン名を入力してください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="98" />
        <source>確認のパスワードが一致しません</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/first_run.py" line="102" />
        <source>既にアカウントがあります。サインインしてください</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FollowUpView</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="116" />
        <source>フォロー日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="117" />
        <source>経過</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="117" />
        <source>%1日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="119" />
        <source>番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="120" />
        <source>受付日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="121" />
        <source>区分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="122" />
        <source>内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="124" />
        <source>対応</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="125" />
        <source>氏名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="125" />
        <source>（匿名）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="126" />
        <source>概要</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="137" />
        <source>期日が来たフォローはありません。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="138" />
        <source>完了にする… (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="139" />
        <source>記録を開く</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="140" />
        <source>この人の履歴 (Ctrl+H)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/consultations/follow_ups.py" line="146" />
        <source>フォロー日が今日までに来て、まだ完了していない記録です（フォロー日の古い順）。完了にするときは結果を記録します。</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="53" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="57" />
        <source>指標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="58" />
        <source>年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="59" />
        <source>目標と実績からの提案</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="60" />
        <source>評価(&amp;G)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/grade_dialog.py" line="61" />
        <source>メモ(&amp;M)</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="110" />
        <source>キャンセル (Esc)</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="131" />
        <source>種別</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="132" />
        <source>自治会</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="133" />
        <source>開始日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="135" />
        <source>終了理由</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="296" />
        <source>入力の破棄</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/group_form.py" line="297" />
        <source>入力した内容は保存されていません。破棄して閉じますか？</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="194" />
        <source>開催を入力</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="199" />
        <source>種別</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="199" />
        <source>自治会</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="200" />
        <source>状態</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/panels.py" line="229" />
        <source>すべて</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="78" />
        <source>今月の相談・連絡</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="79" />
        <source>フォローが必要な相談（今日まで）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="80" />
        <source>今月まだ連絡できていない見守り利用者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="81" />
        <source>ボランティア保険の更新が必要な方</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="110" />
        <source>全支部の合計です（数字のみ。個人の一覧は支部のコーディネーターだけが開けます）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="132" />
        <source>数字を計算できませんでした: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="136" />
        <source>今日のようす — {date}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="140" />
        <location filename="../../coordinator_app/ui/home.py" line="143" />
        <source>{n}件</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="141" />
        <source>先月 {n}件（{diff:+d}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="144" />
        <source>フォロー日が今日まで、まだ完了していないもの</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="146" />
        <location filename="../../coordinator_app/ui/home.py" line="149" />
        <source>{n}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="147" />
        <source>今月の連絡がまだない利用者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="150" />
        <source>{fy}の保険に未加入の活動中ボランティア</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/home.py" line="153" />
        <source>{n}回</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="63" />
        <source>指標の定義を変更する</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="95" />
        <source>なし（実績を入力する）</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="152" />
        <source>時点</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="155" />
        <source>コード(&amp;C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="156" />
        <source>指標名(&amp;N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="157" />
        <source>単位</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="162" />
        <source>数える集計項目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="163" />
        <source>内訳</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="164" />
        <source>内訳の項目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="165" />
        <source>対象の支部（コード）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="166" />
        <source>よい方向</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="167" />
        <source>計画期間</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="168" />
        <source>基準値</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="169" />
        <source>記録開始前の累計</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="170" />
        <source>基本目標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="171" />
        <source>施策の方向性</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="172" />
        <source>事業名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="173" />
        <source>事業の概要</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="177" />
        <source>保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="178" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="191" />
        <source>合計</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IndicatorsPage</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="78" />
        <source>全支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="84" />
        <source>CSVを書き出す…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="86" />
        <source>指標を追加…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="88" />
        <source>定義を変更…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="90" />
        <source>評価の基準…</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="166" />
        <source>年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="166" />
        <source>集計元</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="167" />
        <source>支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="187" />
        <source>計算しています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="234" />
        <source>　基準値 {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="238" />
        <source>{0}　計画期間 {1}　{2}　担当 {3}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="239" />
        <source>実績を年度ごとに入力する指標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="248" />
        <source>{0} の推移（実績と目標）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="315" />
        <source>指標を書き出す</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="316" />
        <source>CSV (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicators_page.py" line="325" />
        <source>{0} 件を書き出しました: {1}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InsurancePanel</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="40" />
        <source>すべて選ぶ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="41" />
        <source>選択を外す</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="42" />
        <source>選んだ人を更新…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="43" />
        <source>全員を更新…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="67" />
        <source>{0}のボランティア保険がまだの登録者: {1}人。加入を確かめた人を選んで更新してください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="75" />
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="78" />
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="87" />
        <source>保険の更新</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="75" />
        <source>更新する人を選んでください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/insurance.py" line="79" />
        <source>{0}人の保険加入年度を{1}にします。よろしいですか？</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="14" />
        <source>コーディネーター</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="14" />
        <source>市社協職員</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="15" />
        <source>管理者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="17" />
        <source>サインイン</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="17" />
        <source>サインイン失敗</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="18" />
        <source>サインアウト</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="18" />
        <source>ロック</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="19" />
        <source>ロック解除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="19" />
        <source>ロック解除失敗</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="20" />
        <source>作成</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="20" />
        <source>更新</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="21" />
        <source>削除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="21" />
        <source>閲覧</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="22" />
        <source>書き出し</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="22" />
        <source>印刷</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="23" />
        <source>取り込み</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="23" />
        <source>バックアップ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="24" />
        <source>復元</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="24" />
        <source>受信</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="32" />
        <source>アカウント</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="32" />
        <source>住民</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="33" />
        <source>相談記録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="33" />
        <source>見守り利用者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="34" />
        <source>見守り記録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="34" />
        <source>ボランティア</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="35" />
        <source>活動記録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="35" />
        <source>支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="36" />
        <source>自治会</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="36" />
        <source>相談内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="37" />
        <source>設定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="37" />
        <source>データベース</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="38" />
        <source>監査ログ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="38" />
        <source>集計</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="43" />
        <source>指標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="44" />
        <source>計画期間</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="49" />
        <source>終了時</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="50" />
        <source>手動</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="50" />
        <source>更新前</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="51" />
        <source>取り込み前</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/labels.py" line="51" />
        <source>復元前</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="247" />
        <source>ロック中</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="62" />
        <source>画面をロックしました</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="66" />
        <source>パスワード</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="68" />
        <source>ロック解除</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="83" />
        <source>記録を守るため、内容を隠しています。続けるには、サインイン中のアカウント（{login}）のパスワードを入力してください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="95" />
        <source>サインアウトする</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="110" />
        <source>パスワードを入力してください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/lock.py" line="113" />
        <source>パスワードが違います</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="109" />
        <source>サインイン: {who}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="111" />
        <source>データベース: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="120" />
        <source>暗号化</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="120" />
        <source>暗号化なし</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="123" />
        <source>データベースファイルは暗号化されています</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="124" />
        <source>データベースファイルは暗号化されていません</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="145" />
        <source>ファイル(&amp;F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="146" />
        <source>今すぐバックアップ(&amp;B)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="147" />
        <source>バックアップから復元(&amp;R)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="155" />
        <source>画面をロック(&amp;L)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="158" />
        <source>サインアウト(&amp;O)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="161" />
        <source>終了(&amp;X)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="166" />
        <source>表示(&amp;V)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="174" />
        <source>ツール(&amp;T)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="176" />
        <source>設定(&amp;S)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="182" />
        <source>監査ログ(&amp;A)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="186" />
        <source>ヘルプ(&amp;H)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="187" />
        <source>このアプリについて(&amp;A)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="238" />
        <source>ロック中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="272" />
        <source>バックアップしています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="278" />
        <source>バックアップしました: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="283" />
        <source>バックアップできませんでした</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="296" />
        <source>バックアップから復元</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="297" />
        <source>{name} から復元します。いまのデータベースは別名で残します。復元のあと、もう一度サインインしてください。続けますか？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="313" />
        <source>このアプリについて</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/main_window.py" line="314" />
        <source>コーディネーターアプリ {version}
社協支部コーディネーターのための記録・集計アプリ。
フォント: IPAexゴシック（IPAフォントライセンスv1.0）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MonthlyPage</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="71" />
        <source>全支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="77" />
        <source>CSVを書き出す…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="78" />
        <source>Excelを書き出す…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="106" />
        <source>年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="109" />
        <source>支部</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="173" />
        <source>{0} {1}: 記録から集計しました（表の数字は集計ファイルと同じです）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="187" />
        <source>{0}（月別の合計）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="187" />
        <source>{0}（各月末）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="197" />
        <source>個人の記録は支部のコーディネーターだけが見られます。市社協の職員は集計の数字だけを扱います。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="202" />
        <source>合計</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="226" />
        <source>集計ファイル (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="226" />
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="227" />
        <source>集計を書き出す</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="235" />
        <source>書き出しています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/monthly.py" line="239" />
        <source>{0} 行を書き出しました: {1}</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/pickers.py" line="125" />
        <source>{0} さんはもう一覧にあります</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/gatherings/pickers.py" line="128" />
        <source>追加しました: {0}</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="68" />
        <source>生年月日 %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="78" />
        <source>番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="79" />
        <source>日付</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="80" />
        <source>区分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="81" />
        <location filename="../../coordinator_app/ui/person_history.py" line="111" />
        <source>方法</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="82" />
        <source>内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="83" />
        <source>対応</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="84" />
        <source>フォロー</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="85" />
        <source>概要</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="88" />
        <source>相談記録（%1件）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="95" />
        <source>見守り</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="98" />
        <source>見守りの利用登録はありません。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="100" />
        <source>登録 %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="102" />
        <source>　終了 %1（%2）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="105" />
        <source>　利用中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="107" />
        <source>　緊急連絡先: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="110" />
        <source>実施日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="112" />
        <source>結果</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="113" />
        <source>実施者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="114" />
        <source>メモ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="118" />
        <source>見守り活動（%1件）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/person_history.py" line="52" />
        <source>閉じる</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PersonalTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="27" />
        <source>表示言語</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="33" />
        <source>言語の変更は、次にアプリを起動したときに反映されます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="37" />
        <source>言語</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="41" />
        <source>自分のパスワードを変更</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="47" />
        <source>パスワードを変更</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="51" />
        <source>現在のパスワード</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="52" />
        <source>新しいパスワード</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="53" />
        <source>新しいパスワード（確認）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="64" />
        <source>保存しました。次にアプリを起動したときに反映されます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="68" />
        <source>確認のパスワードが一致しません</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/personal_tab.py" line="79" />
        <source>パスワードを変更しました。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="80" />
        <source>印刷</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="99" />
        <source>すべての自治会</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="100" />
        <source>すべての活動</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="102" />
        <source>すべての協力員</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="104" />
        <source>退会したボランティアも含める</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="109" />
        <source>全支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="114" />
        <source>ラベルの枠線を印刷する（普通紙での試し刷り）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="117" />
        <source>例: 東町自治会 会長（誰に渡すか）</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="148" />
        <source>自治会(&amp;A)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="149" />
        <source>活動内容(&amp;R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="150" />
        <source>協力員(&amp;C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="152" />
        <source>年度(&amp;Y)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="153" />
        <source>月(&amp;M)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="154" />
        <source>支部(&amp;B)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="155" />
        <source>ラベル用紙(&amp;S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="156" />
        <source>宛先(&amp;T)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="157" />
        <source>横の調整 mm（右へ＋）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="158" />
        <source>縦の調整 mm（下へ＋）</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="170" />
        <source>渡す相手(&amp;W)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="171" />
        <source>部数(&amp;N)</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="197" />
        <source>印刷してPDFを開く (Ctrl+P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="198" />
        <source>プレビュー更新 (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="199" />
        <source>閉じる</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="211" />
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="416" />
        <source>1ページ目のプレビュー</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="274" />
        <source>{fy}（年間）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="276" />
        <source>{m}月</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="313" />
        <source>この一覧には個人情報が含まれます。各ページに「取扱注意・個人情報を含みます」と控番号が印刷され、印刷台帳に記録されます。使用後は返却または細断してください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="368" />
        <source>印刷する列を1つ以上選んでください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="370" />
        <source>開催日: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="407" />
        <source>{title}・{pages}ページ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="410" />
        <source>・{n}名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="412" />
        <source>（住所のない{n}名は除きました）</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/dialog.py" line="469" />
        <source>PDFを作成しています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="65" />
        <source>支部拠点一覧</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="66" />
        <source>ボランティア名簿</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="67" />
        <source>見守り電話確認リスト</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="68" />
        <source>協力員担当表</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="69" />
        <source>災害時安否確認リスト</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="70" />
        <source>月報</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="71" />
        <source>宛名ラベル</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="75" />
        <source>24面（3列×8段・70×33.9mm）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="76" />
        <source>ボランティア</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="77" />
        <source>見守り利用者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="78" />
        <source>ボランティアと見守り利用者</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PrintRegister</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="62" />
        <source>印刷日時</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="63" />
        <source>支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="64" />
        <source>一覧</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="65" />
        <source>人数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="67" />
        <source>渡した相手</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="68" />
        <source>控番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="71" />
        <source>印刷した人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="74" />
        <source>返却・細断</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/models.py" line="77" />
        <source>メモ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="79" />
        <source>（未記入）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="80" />
        <source>未返却</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="81" />
        <source>記録した人: {name}（ログイン名: {login}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="82" />
        <source>{n}部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="83" />
        <source>ログイン名: {login}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PrintingScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/screen.py" line="37" />
        <source>印刷</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/screen.py" line="39" />
        <source>個人情報を含む一覧には「取扱注意」と控番号が入り、印刷台帳に記録されます。必要な列だけを選び、使用後は返却または細断してください。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="51" />
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="52" />
        <source>%1 File</source>
        <translation>%1 ファイル</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="53" />
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="54" />
        <source>File Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="55" />
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="56" />
        <source>Alias</source>
        <translation>エイリアス</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="57" />
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="58" />
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="48" />
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="49" />
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="50" />
        <source>Confirm Save As</source>
        <translation>上書きの確認</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="59" />
        <source>OK</source>
        <translation>了解</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="60" />
        <source>&amp;OK</source>
        <translation>了解(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="61" />
        <source>Don't Save</source>
        <translation>保存しない</translation>
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="62" />
        <source>Close without Saving</source>
        <translation>保存せずに閉じる</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/records_dialog.py" line="36" />
        <source>{0} 件（取扱注意: 個人の記録です）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/records_dialog.py" line="38" />
        <source>閉じる</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="42" />
        <source>回復キー — コーディネーターアプリ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="44" />
        <source>データベースを暗号化しました。回復キーを保管してください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="49" />
        <source>すべてのパスワードを忘れたとき、データベースを開く方法はこの回復キーだけです。なくすと、だれもデータを取り戻せません（開発者にもできません）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="78" />
        <source>回復キーを印刷または書き写して、安全な場所に保管しました(&amp;S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="82" />
        <source>印刷(&amp;P)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="84" />
        <source>保管しました・続ける</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="104" />
        <source>回復キーを印刷用PDFに保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="105" />
        <source>PDF (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="119" />
        <source>PDFを保存できませんでした: {e}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecoveryResetDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="132" />
        <source>回復キーでパスワードを設定し直す</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="135" />
        <source>すべてのパスワードを忘れたときは、データベースを作ったときに保管した回復キーで、アカウントに新しいパスワードを設定できます。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="149" />
        <source>回復キー(&amp;R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="150" />
        <source>ログイン名(&amp;L)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="151" />
        <source>新しいパスワード(&amp;P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="152" />
        <source>新しいパスワード（確認）(&amp;C)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="158" />
        <source>新しいパスワードを設定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="172" />
        <source>回復キーを入力してください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="174" />
        <source>ログイン名を入力してください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/encryption_dialogs.py" line="177" />
        <source>確認のパスワードが一致しません</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="122" />
        <source>未返却の控えだけ表示(&amp;O)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="124" />
        <source>返却・細断を記録… (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="130" />
        <source>印刷台帳</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="160" />
        <source>{n}件（未返却 {out}件）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/printing/register.py" line="169" />
        <source>記録する行を選んでください</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="170" />
        <source>バックアップから復元</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="174" />
        <source>日時</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="176" />
        <source>種類</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="177" />
        <source>大きさ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="178" />
        <source>ファイル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="185" />
        <source>選んだバックアップを検査してから、新しいファイルに復元します。いまのデータベースは削除せず、別名（…replaced-日時.db）で同じフォルダーに残します。復元のあと、もう一度サインインしてください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="189" />
        <source>ほかのファイルを選ぶ…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="192" />
        <source>復元する</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="203" />
        <source>バックアップファイルを選ぶ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="204" />
        <source>データベース (*.db);;すべてのファイル (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="212" />
        <source>バックアップを選んでください</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RestoreOfferDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="230" />
        <source>データベースを開けません</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="233" />
        <source>データベースファイルが壊れています。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="234" />
        <source>検査結果: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="236" />
        <source>データベースファイルが見つからないか、空になっています。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="237" />
        <source>バックアップが残っています。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="242" />
        <source>最新の正常なバックアップ: {backup}
これを新しいファイルに復元して開きます。いまのファイルは削除せず、別名で残します。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="247" />
        <source>使える（検査に合格した）バックアップが見つかりません。管理者に連絡してください。ファイルはそのまま残してあります。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="253" />
        <source>バックアップから復元する</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="257" />
        <source>別のバックアップを選ぶ…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="262" />
        <source>新しいデータベースを作る</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="265" />
        <source>終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="284" />
        <source>新しいデータベース</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="285" />
        <source>空のデータベースを新しく作ります。バックアップは残りますが、いまある記録は表示されません。よろしいですか？</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RollcallPage</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="85" />
        <source>安否確認を開始</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="88" />
        <source>この安否確認を終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="90" />
        <source>対象</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="94" />
        <source>記録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="100" />
        <source>安否確認は始まっていません</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="133" />
        <source>未確認に戻す</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="143" />
        <source>1 無事・2 要支援・3 連絡不能・0 未確認に戻す　↑↓で移動　F2でメモ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="153" />
        <source>支部全体</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="171" />
        <source>安否確認の開始</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="172" />
        <source>{scope}の見守り利用者全員の安否確認を始めます。よろしいですか？</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="201" />
        <source>この安否確認は終了しています（閲覧のみ）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="206" />
        <source>終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="206" />
        <source>実施中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="212" />
        <source>{scope}　確認 {n} / {m}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="265" />
        <source>{name}: {status}（{time}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="273" />
        <source>全員の確認が終わりました（{n}人）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="289" />
        <source>安否確認の終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/rollcall_page.py" line="290" />
        <source>この安否確認を終了します。終了後は記録の変更ができません。よろしいですか？</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="39" />
        <source>{date} {time}（{reason}、{size:.1f} MB）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/safety.py" line="48" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="439" />
        <location filename="../../coordinator_app/ui/safety.py" line="49" />
        <source>お待ちください</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SafetyTab</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="32" />
        <source>画面のロック</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="35" />
        <source> 分</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="37" />
        <source>保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="39" />
        <source>操作がないまま次の時間が過ぎたら画面をロックする</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="45" />
        <source>バックアップ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="47" />
        <source>日時</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="49" />
        <source>種類</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="50" />
        <source>大きさ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="51" />
        <source>ファイル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="54" />
        <source>今すぐバックアップ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="58" />
        <source>変更があれば、30分ごとと、操作が2分止まったときに自動でバックアップします（終了はバックアップを待ちません。その分は次に起動した少し後に取ります）。直近1日分はすべて、2週間までは1日1つ、1年までは1か月に1つを残します。復元は「ファイル」メニューの「バックアップから復元…」から行います。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="74" />
        <source>PostgreSQL のバックアップはサーバー側で行ってください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="87" />
        <source>ロックまでの時間を保存しました。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="93" />
        <source>バックアップしています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/safety_tab.py" line="100" />
        <source>バックアップしました: {name}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="42" />
        <source>ホーム</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="45" />
        <source>相談記録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="48" />
        <source>見守り</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="50" />
        <source>ボランティア</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="53" />
        <source>行事・サロン</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="56" />
        <source>集計・指標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="58" />
        <source>印刷</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="60" />
        <source>設定</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="101" />
        <location filename="../../coordinator_app/ui/screens.py" line="105" />
        <source>この画面は準備中です</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/screens.py" line="111" />
        <source>この画面を開けませんでした。アプリを再起動しても直らない場合は、管理者に連絡してください。</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/common.py" line="38" />
        <source>保存できません</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="38" />
        <source>表示・パスワード</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="38" />
        <source>ロック・バックアップ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="39" />
        <source>アカウント</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="39" />
        <source>支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="40" />
        <source>自治会</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="40" />
        <source>相談内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="41" />
        <source>活動内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/settings/screen.py" line="42" />
        <source>監査ログ</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="309" />
        <source>暗号化できませんでした。データベースは元のままです: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="351" />
        <source>データベースを検査しています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="377" />
        <source>バックアップを検査して復元しています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="381" />
        <source>復元できませんでした: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="438" />
        <source>デモ用のデータベースを作成しています…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="502" />
        <source>データベースファイルが壊れています（{problem}）。「ファイル」メニューの「バックアップから復元…」で復元してください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="518" />
        <source>暗号化されたデータベースを開けません。管理者に連絡してください（ファイルは変更していません）。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="564" />
        <source>デモ用のデータベースを作成できませんでした。「終了」を押して、もう一度起動してください。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/app.py" line="586" />
        <source>自動バックアップしました: {name}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="47" />
        <source>サインイン — コーディネーターアプリ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="49" />
        <source>サインインしてください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="51" />
        <source>データベース: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="62" />
        <source>ログイン名(&amp;L)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="63" />
        <source>パスワード(&amp;P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="69" />
        <source>サインイン</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="71" />
        <source>終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="89" />
        <source>パスワードをすべて忘れた場合（復旧キー）…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="98" />
        <source>デモ専用アカウント（実際のデータベースにはありません）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="101" />
        <source>役割</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="102" />
        <source>ログイン名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="103" />
        <source>パスワード</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="110" />
        <source>この内容で入力</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="124" />
        <source>新しいパスワードを設定しました。そのパスワードでサインインしてください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/sign_in.py" line="136" />
        <source>ログイン名を入力してください</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="36" />
        <source>表示</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="38" />
        <source>基準日(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="52" />
        <source>見守り利用登録者数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="54" />
        <source>見守り協力員登録者数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="56" />
        <source>協力員が未割当の利用者（現在の割当て）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="71" />
        <source>自治会別の利用登録者数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="82" />
        <source>基準日: {e}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="86" />
        <source>{day} 現在</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="87" />
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="88" />
        <location filename="../../coordinator_app/ui/watch/stock_page.py" line="89" />
        <source>{n}人</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TagLineEdit</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/inputs.py" line="65" />
        <source>例: 運転、料理、傾聴（、で区切る）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Tallies</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/charts.py" line="202" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="371" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="401" />
        <source>実績</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/charts.py" line="203" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="369" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="398" />
        <source>目標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/common.py" line="59" />
        <source>お知らせ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/common.py" line="68" />
        <source>確認してください</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/common.py" line="75" />
        <source>確認</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/common.py" line="95" />
        <source>処理できませんでした（{0}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="76" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="101" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="142" />
        <source>合計</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="95" />
        <source>内訳</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="97" />
        <source>項目</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="100" />
        <source>年度末</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="163" />
        <source>ダブルクリック（Enter）で内訳の記録を表示</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="174" />
        <source>日付</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="175" />
        <source>名称</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="176" />
        <source>氏名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="177" />
        <source>内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="206" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="259" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="276" />
        <source>支部</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="208" />
        <source>最終受信</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="230" />
        <source>なし</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="247" />
        <source>未報告: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="257" />
        <source>ファイル名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="258" />
        <source>受信日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="260" />
        <source>行数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="261" />
        <source>受信者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="263" />
        <source>ログイン名: {login}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="277" />
        <source>月</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="278" />
        <source>ファイル数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="279" />
        <source>現在の数字</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="304" />
        <source>集計項目（合計）</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="367" />
        <source>単位</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="368" />
        <source>種類</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="375" />
        <location filename="../../coordinator_app/ui/tallies/models.py" line="404" />
        <source>評価</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="397" />
        <source>年度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/models.py" line="424" />
        <source>数値（例: 80）または言葉（増加・減少・維持・設置 など）。空にすると目標を消します</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TalliesScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/screen.py" line="27" />
        <source>集計・指標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/screen.py" line="35" />
        <source>月次集計</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/screen.py" line="36" />
        <source>集約（市社協）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/screen.py" line="37" />
        <source>指標</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/screen.py" line="38" />
        <source>評価シート</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="255" />
        <source>評価の基準</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="267" />
        <source>A（着実に進捗している）: 目標の</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="268" />
        <source>B（ある程度進捗している）: 目標の</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="269" />
        <source>これより下は C（進捗が順調でない）。少ないほどよい指標は逆の向きで判定します。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="272" />
        <source>保存</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/tallies/indicator_dialog.py" line="273" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="38" />
        <source>氏名・ふりがなで絞り込み</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="39" />
        <source>終了した人も表示</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="40" />
        <source>新規登録（Ctrl+N）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="41" />
        <source>編集・履歴（Enter）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="42" />
        <source>登録終了…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/users_page.py" line="80" />
        <source>{n}人（登録中 {a}人）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VolunteerFormDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="47" />
        <source>ボランティア登録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="48" />
        <source>ボランティア登録の編集</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="77" />
        <source>種別(&amp;K)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="80" />
        <source>氏名・団体名・ふりがなで検索</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="87" />
        <source>氏名・団体名(&amp;N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="92" />
        <source>氏名・団体名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="94" />
        <source>団体の連絡担当者の氏名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="97" />
        <source> 人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="98" />
        <source>連絡担当者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="99" />
        <source>人数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="102" />
        <source>電話番号(&amp;P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="104" />
        <source>住所</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="107" />
        <source>自治会</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="109" />
        <source>登録日(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="111" />
        <source>ボランティア保険</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="118" />
        <source>活動内容（1つ以上）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="123" />
        <source>活動できる曜日・時間帯</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="132" />
        <source>特技(&amp;S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="134" />
        <source>活動できる地域
（自分の自治会以外）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="141" />
        <source>保存 (Ctrl+S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="142" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="168" />
        <source>未加入</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="178" />
        <source>新しく登録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="179" />
        <source>未選択</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="234" />
        <source>登録日: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/form.py" line="261" />
        <source>保存できませんでした: </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VolunteerPageDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="63" />
        <source>編集 (Ctrl+E)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="65" />
        <source>閉じる</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="94" />
        <source>ボランティア: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="98" />
        <source>登録中（登録日 {0}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="99" />
        <source>退会を登録…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="101" />
        <source>退会 {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="103" />
        <source>退会を取り消す…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="107" />
        <source>活動内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="108" />
        <source>特技</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="109" />
        <source>活動できる日時</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="110" />
        <source>活動できる地域</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="111" />
        <source>電話番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="112" />
        <source>住所</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="113" />
        <source>自治会</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="116" />
        <source>連絡担当者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="117" />
        <source>人数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="118" />
        <source>登録日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="119" />
        <source>ボランティア保険</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="126" />
        <source>見守りの担当（{0}人）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="129" />
        <source>活動記録（{0}回、{1}）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="146" />
        <source>退会の取り消し</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/page.py" line="147" />
        <source>{0} さんの退会を取り消して、登録中に戻します。よろしいですか？</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VolunteerSearchPanel</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="64" />
        <source>氏名・ふりがな（ひらがな・カタカナどちらでも）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="69" />
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="71" />
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="75" />
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="80" />
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="137" />
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="143" />
        <source>すべて</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="73" />
        <source>{0}曜</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="86" />
        <source>条件をクリア</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="90" />
        <source>検索(&amp;F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="90" />
        <source>活動内容(&amp;R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="91" />
        <source>特技</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="91" />
        <source>曜日(&amp;W)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="92" />
        <source>時間帯(&amp;T)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="92" />
        <source>地域(&amp;A)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="93" />
        <source>保険</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="93" />
        <source>状態</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="166" />
        <source>{0}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/search.py" line="168" />
        <source>（先頭{0}人を表示。条件を絞ってください）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VolunteerTables</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="54" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="143" />
        <source>氏名・団体名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="55" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="144" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="187" />
        <source>ふりがな</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="56" />
        <source>種別</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="58" />
        <source>活動内容</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="60" />
        <source>特技</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="61" />
        <source>活動できる日時</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="63" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="188" />
        <source>自治会</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="64" />
        <source>電話番号</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="65" />
        <source>保険</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="68" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="189" />
        <source>状態</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="122" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="198" />
        <source>活動日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="124" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="200" />
        <source>活動名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="125" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="201" />
        <source>種類</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="127" />
        <source>参加者数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="145" />
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="203" />
        <source>時間</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="186" />
        <source>氏名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/tables.py" line="210" />
        <source>名前</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="84" />
        <source>未加入</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="94" />
        <source>個人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="95" />
        <source>団体</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="87" />
        <source>行事・イベント</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="88" />
        <source>サロン</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="89" />
        <source>送迎・外出支援</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="90" />
        <source>見守り訪問</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="91" />
        <source>その他</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="85" />
        <source>登録中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="92" />
        <source>利用中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="93" />
        <source>終了</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="86" />
        <source>退会</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VolunteersScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="35" />
        <source>ボランティア</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="38" />
        <source>新規登録 (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="50" />
        <source>検索・登録者一覧</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="51" />
        <source>活動記録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="52" />
        <source>保険の更新</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="70" />
        <source>登録中 {0}人　保険未更新 {1}人</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/screen.py" line="71" />
        <source>保険の更新（{0}）</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WatchModels</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="74" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="259" />
        <source>状態</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="77" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="117" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="167" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="261" />
        <source>氏名</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="78" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="118" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="169" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="189" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="262" />
        <source>ふりがな</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="79" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="119" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="170" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="190" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="244" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="264" />
        <source>自治会</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="80" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="120" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="171" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="263" />
        <source>電話</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="81" />
        <source>最終連絡</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="82" />
        <source>経過日数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="84" />
        <source>今月</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="86" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="122" />
        <source>頻度</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="87" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="128" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="188" />
        <source>協力員</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="121" />
        <source>見守りの方法</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="123" />
        <source>登録日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="125" />
        <source>終了日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="126" />
        <source>終了理由</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="143" />
        <source>実施日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="145" />
        <source>方法</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="147" />
        <source>実施者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="148" />
        <source>結果</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="151" />
        <location filename="../../coordinator_app/ui/watch/models.py" line="268" />
        <source>メモ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="152" />
        <source>相談</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="172" />
        <source>担当人数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="174" />
        <source>担当の利用者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="245" />
        <source>利用登録者数</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="265" />
        <source>住所</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="266" />
        <source>緊急連絡先</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/models.py" line="267" />
        <source>確認時刻</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="97" />
        <source>担当が割り当てられていますが、ボランティア登録に見守り協力員の役割がありません</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="98" />
        <source>{n}日ごと</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="96" />
        <source>なし</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="110" />
        <source>未割当</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="99" />
        <source>異変対応中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="100" />
        <source>2回続けて不在</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="101" />
        <source>期限超過</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="102" />
        <source>今月未連絡</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="103" />
        <source>今月連絡済み</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="104" />
        <source>協力員未割当</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="106" />
        <source>未確認</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="107" />
        <source>無事</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="108" />
        <source>要支援</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="109" />
        <source>連絡不能</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="112" />
        <source>{n}日</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="113" />
        <source>{n}回</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="111" />
        <source>相談あり</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="105" />
        <source>{name} ※役割なし</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="_helper_strings.py" line="114" />
        <source>{n}人</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WatchScreen</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="39" />
        <source>見守り</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="47" />
        <source>今月の見守り</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="48" />
        <source>利用登録者</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="49" />
        <source>協力員</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="50" />
        <source>災害時安否確認</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/screen.py" line="51" />
        <source>登録者数</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../coordinator_app/ui/widgets.py" line="30" />
        <source>保存: Ctrl+Enter または Ctrl+S</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="32" />
        <source>退会の登録</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="38" />
        <source>選ぶか入力</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="40" />
        <source>{name} さんの退会を登録します。</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="41" />
        <source>退会日(&amp;D)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="42" />
        <source>退会理由(&amp;R)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="45" />
        <source>退会を登録 (Ctrl+S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="46" />
        <source>キャンセル</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/volunteers/withdraw.py" line="63" />
        <source>退会日: </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WorklistPage</name>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="87" />
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="159" />
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="167" />
        <source>すべて</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="91" />
        <source>更新（F5）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="92" />
        <source>新規登録（Ctrl+N）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="94" />
        <source>月(&amp;T)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="94" />
        <source>自治会(&amp;A)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="95" />
        <source>協力員(&amp;K)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="96" />
        <source>表示(&amp;S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="239" />
        <source>{m}（{d}現在）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="241" />
        <source>対象</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="242" />
        <source>連絡済み</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="243" />
        <source>未連絡</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="244" />
        <source>期限超過</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="245" />
        <source>2回続けて不在</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="246" />
        <source>異変対応中</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="247" />
        <source>協力員未割当</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../coordinator_app/ui/watch/worklist.py" line="284" />
        <source>　一覧の最後です</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>_ChoiceFrame</name>
    <message>
        <location filename="../../coordinator_app/ui/consultations/choice.py" line="53" />
        <source>キー %1 で選択</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>