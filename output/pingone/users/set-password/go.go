package main

import (
	"fmt"
	"strings"
	"net/http"
	"io"
)

func main() {

	url := "{{apiPath}}/environments/{{envID}}/users/{{userID}}/password"
	method := "PUT"

	payload := strings.NewReader("{\n  \"value\": \"Ch@ng3 me! \\\\o/ 'quoted' \\\"double\\\" $HOME `tick`\",\n  \"forceChange\": true\n}")

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, payload)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Add("Authorization", "Bearer {{accessToken}}")
	req.Header.Add("Content-Type", "application/vnd.pingidentity.password.set+json")

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
