package main

import (
	"fmt"
	"strings"
	"net/http"
	"io"
)

func main() {

	url := "{{apiPath}}/environments/{{envID}}/users/imports"
	method := "POST"

	payload := strings.NewReader(`username,email,given,family
ada,ada@example.com,Ada,Lovelace
grace,grace@example.com,Grace,"Hopper, RDML"
`)

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, payload)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Add("Authorization", "Bearer {{accessToken}}")
	req.Header.Add("Content-Type", "text/csv")

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
