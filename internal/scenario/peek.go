package scenario

import "go.yaml.in/yaml/v3"

// maxPeekTitle is the longest title Peek returns, in bytes.
const maxPeekTitle = 200

// Peek returns the id and title a scenario text names (each "" when it
// names none as a plain string), for listing a draft that is not valid
// yet; ok is false for a text Syntax refuses, which names neither.
func Peek(data []byte) (id, title string, ok bool) {
	p := &parser{}
	root := p.read(data)
	if root == nil {
		return "", "", false
	}
	if root.Kind != yaml.MappingNode {
		return "", "", true
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			continue
		}
		switch k.Value {
		case "id":
			id = v.Value
		case "title":
			title = v.Value
		}
	}
	if len(id) > maxIDLen {
		id = ""
	}
	if len(title) > maxPeekTitle {
		title = ""
	}
	return id, title, true
}
