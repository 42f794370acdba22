export default function AssessmentEditorPage() { return null; }
